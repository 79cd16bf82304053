package fr.guichet.token.request.service;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.Contact;
import fr.guichet.token.habilitation.Contacts;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationRequest;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationValidator;
import fr.guichet.token.habilitation.HabilitationView;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.partner.DemarcheAccess;
import fr.guichet.token.request.rest.DemarcheRequest;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A partner's request for a new démarche (API Entreprise's "demande d'adhésion"): a habilitation
 * created at status {@code submitted} for the session's organisation, with the session's person
 * as {@code demandeur}, which lands in the operators' queue ({@code GET /admin/habilitations?status=submitted})
 * and is decided there by the existing validate / refuse.
 *
 * <p>A person sees the requests of its organisation that it made or is a contact of, whatever
 * their status (a refusal with its reason included): a request is a habilitation whose terms were
 * accepted by a partner ({@code terms_accepted_at}), which one created by an operator is not.
 */
@ApplicationScoped
public class HabilitationRequestService {

    /** Highest expected volume a request may state, calls a day. */
    static final int MAX_VOLUME_PER_DAY = 10_000_000;
    /** Longest description of the recipients, characters. */
    static final int MAX_RECIPIENTS = 2000;
    /**
     * A request asks for access to the real data: the sandbox needs no habilitation in the terms
     * (its tokens and answers are public test material).
     */
    static final String ENVIRONMENT = "production";

    @Inject
    HabilitationValidator validator;

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    /**
     * Checks every field and creates the request; 422 {@code 00801} with one error per bad field
     * ({@code source.parameter}: {@code intitule}, {@code contacts.technique.email}, {@code terms_accepted}...),
     * all in one answer; 400 when the body is empty.
     */
    public Uni<HabilitationView> submit(DemarcheAccess.Person person, DemarcheRequest body) {
        HabilitationValidator.Valid valid;
        try {
            valid = validate(person, body);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> Organisation.findBySiret(person.siret()).flatMap(org -> {
            if (org == null) {
                return Uni.createFrom().failure(TokenErrors.notFound("Organisation inconnue."));
            }
            Instant now = time.now();
            Habilitation h = HabilitationService.newHabilitation(valid, org, now);
            h.expectedVolumePerDay = body.expectedVolumePerDay();
            h.recipients = body.recipients().trim();
            h.termsAcceptedAt = now;
            return h.<Habilitation>persist()
                    .call(saved -> audit.record(AdminAction.of(actor(person), "request_habilitation", "habilitation",
                                    saved.id.toString(), null)
                            .withContext(saved.id.toString(), null, org.siret, saved.apiKind)
                            .withDetails(Map.of("scopes", String.join(",", saved.scopes),
                                    "expected_volume_per_day", String.valueOf(saved.expectedVolumePerDay)))))
                    .map(saved -> HabilitationView.of(saved, org.siret));
        }));
    }

    /** The requests of the person's organisation it made or is a contact of, newest first. */
    public Uni<List<HabilitationView>> list(DemarcheAccess.Person person) {
        return Panache.withSession(() -> Organisation.findBySiret(person.siret()).flatMap(org -> {
            if (org == null) {
                return Uni.createFrom().item(List.<HabilitationView>of());
            }
            return Habilitation.<Habilitation>list("organisationId = ?1 and termsAcceptedAt is not null"
                            + " order by createdAt desc, id desc", org.id)
                    .map(list -> list.stream()
                            .filter(h -> h.contacts != null && h.contacts.emails().contains(person.email()))
                            .map(h -> HabilitationView.of(h, org.siret)).toList());
        }));
    }

    /** The audit subject of a partner's action, as every partner route writes it. */
    static String actor(DemarcheAccess.Person person) {
        return "partner:" + person.email();
    }

    /**
     * The shared checks of a habilitation ({@link HabilitationValidator}: API kind, title, legal
     * basis, scopes of the catalogue, e-mail addresses) plus the request's own (volume,
     * recipients, the two contacts, the terms), reported together.
     */
    HabilitationValidator.Valid validate(DemarcheAccess.Person person, DemarcheRequest body) {
        if (body == null) {
            throw TokenErrors.malformedBody("Le corps de la requête est vide.");
        }
        List<ApiError> errors = new ArrayList<>();
        DemarcheRequest.RequestContacts named = body.contacts();
        Contact technique = required(errors, "technique", named == null ? null : named.technique());
        Contact metier = required(errors, "metier", named == null ? null : named.metier());
        HabilitationValidator.Valid valid = null;
        try {
            valid = validator.validate(new HabilitationRequest(person.siret(), body.apiKind(), body.intitule(),
                    body.legalBasis(), body.scopes(), null, null, ENVIRONMENT,
                    new Contacts(new Contact(person.email(), null), technique, metier), "submitted"));
        } catch (ApiException e) {
            if (e.status() != 422) {
                throw e;
            }
            errors.addAll(e.errors());
        }
        Integer volume = body.expectedVolumePerDay();
        if (volume == null) {
            errors.add(TokenErrors.invalidError("expected_volume_per_day",
                    "Le champ « expected_volume_per_day » (volume d'appels attendu par jour) est obligatoire."));
        } else if (volume < 1 || volume > MAX_VOLUME_PER_DAY) {
            errors.add(TokenErrors.invalidError("expected_volume_per_day",
                    "Le volume d'appels attendu par jour doit être compris entre 1 et " + MAX_VOLUME_PER_DAY + "."));
        }
        if (body.recipients() == null || body.recipients().isBlank()) {
            errors.add(TokenErrors.invalidError("recipients",
                    "Le champ « recipients » (destinataires des données) est obligatoire."));
        } else if (body.recipients().length() > MAX_RECIPIENTS) {
            errors.add(TokenErrors.invalidError("recipients",
                    "Le champ « recipients » dépasse " + MAX_RECIPIENTS + " caractères."));
        }
        if (!Boolean.TRUE.equals(body.termsAccepted())) {
            errors.add(TokenErrors.invalidError("terms_accepted",
                    "Les conditions générales d'utilisation doivent être acceptées (« terms_accepted » : true)."));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, errors);
        }
        return valid;
    }

    /** The contact, or null with an error when it has no e-mail address (the request needs both). */
    private static Contact required(List<ApiError> errors, String role, Contact contact) {
        if (contact == null || contact.email() == null || contact.email().isBlank()) {
            errors.add(TokenErrors.invalidError("contacts." + role + ".email",
                    "L'adresse e-mail du contact " + role + " est obligatoire."));
            return null;
        }
        return contact;
    }
}
