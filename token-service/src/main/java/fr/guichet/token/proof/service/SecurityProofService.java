package fr.guichet.token.proof.service;

import fr.guichet.token.audit.AdminAction;
import fr.guichet.token.audit.AuditService;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationService;
import fr.guichet.token.habilitation.HabilitationService.Loaded;
import fr.guichet.token.habilitation.HabilitationStatus;
import fr.guichet.token.proof.config.SecurityProofConfig;
import fr.guichet.token.proof.repository.SecurityProof;
import fr.guichet.token.proof.rest.SecurityProofRequest;
import fr.guichet.token.proof.rest.SecurityProofView;
import fr.guichet.token.time.TimeSource;
import fr.guichet.token.token.Token;
import fr.guichet.token.token.TokenService;
import fr.guichet.token.token.TokenState;
import fr.guichet.token.token.TokenStateCopy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Security proofs of habilitations (DGFIP ENSU terms, 3.4) and the suspension that follows their
 * end. A habilitation is suspended ({@code suspended = security_proof}) when one of its API families
 * requires a proof ({@link FamilyRules}), it is validated, and its current proof's last day of
 * validity is past (in {@link SecurityProofConfig#zone()}). A habilitation for which no proof was
 * ever recorded is not suspended: the operator records it when validating. Each suspension and
 * resumption is audited (and so traced) and rewrites the Redis copy of every live token of the
 * habilitation, whose {@code suspended} field the gateway reads.
 */
@ApplicationScoped
public class SecurityProofService {

    private static final Logger LOG = Logger.getLogger(SecurityProofService.class);
    /** Actor of the suspensions the job decides. */
    public static final String ACTOR = "system:security-proof";
    static final int REFERENCE_MAX = 200;

    @Inject
    FamilyRules families;

    @Inject
    SecurityProofConfig config;

    @Inject
    AuditService audit;

    @Inject
    TimeSource time;

    @Inject
    TokenStateCopy copy;

    /** A suspension state change committed; the copies still to rewrite. */
    record Change(UUID habilitationId, List<TokenState> states) {
    }

    /** Today in the zone of the proofs' dates. */
    public LocalDate today() {
        return LocalDate.ofInstant(time.now(), config.zone());
    }

    /**
     * Records the habilitation's new current proof (audited {@code record_security_proof}); when it
     * is in force and the habilitation was suspended for want of one, the suspension is lifted
     * (audited {@code resume_habilitation}) and the tokens' copies rewritten before answering.
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00801} bad field (named in
     *         {@code source.parameter}) or a habilitation none of whose families requires a proof;
     *         404 {@code 00003} unknown habilitation; 409 {@code 00802} refused or revoked habilitation
     */
    public Uni<SecurityProofView> record(UUID habilitationId, SecurityProofRequest body, String actor) {
        LocalDate today = today();
        ValidProof valid;
        try {
            valid = validate(body, today);
        } catch (fr.guichet.common.error.ApiException e) {
            return Uni.createFrom().failure(e);
        }
        Instant now = time.now();
        List<Change> changes = new ArrayList<>();
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(habilitationId).flatMap(loaded -> {
                    Habilitation h = loaded.habilitation();
                    if (!families.requiresProof(h)) {
                        return Uni.createFrom().<Void>failure(TokenErrors.invalid("kind",
                                "Aucune famille d'API de cette habilitation n'exige de preuve de sécurité (familles : "
                                        + String.join(", ", families.familiesOf(h)) + ")."));
                    }
                    if (h.status() == HabilitationStatus.REFUSED || h.status() == HabilitationStatus.REVOKED) {
                        return Uni.createFrom().<Void>failure(TokenErrors.outOfOrder("L'habilitation est à l'état « "
                                + h.status + " » : elle ne reçoit plus de preuve de sécurité."));
                    }
                    SecurityProof p = new SecurityProof();
                    p.id = UUID.randomUUID();
                    p.habilitationId = h.id;
                    p.kind = valid.kind();
                    p.reference = valid.reference();
                    p.proofDate = valid.date();
                    p.validUntil = valid.validUntil();
                    p.recordedAt = now;
                    p.recordedBy = actor;
                    h.securityProofValidUntil = p.validUntil;
                    h.updatedAt = now;
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("proof_id", p.id.toString());
                    details.put("kind", p.kind);
                    details.put("reference", p.reference);
                    details.put("date", p.proofDate.toString());
                    details.put("valid_until", p.validUntil.toString());
                    return p.persist()
                            .call(() -> audit.record(AdminAction.of(actor, "record_security_proof", "habilitation",
                                            h.id.toString(), body.reason())
                                    .withContext(h.id.toString(), null, loaded.organisation().siret, h.apiKind)
                                    .withDetails(details)))
                            .call(() -> applySuspension(loaded, today, now, actor).invoke(c -> {
                                if (c != null) {
                                    changes.add(c);
                                }
                            }))
                            .replaceWithVoid();
                }))
                .call(() -> propagate(changes))
                .chain(() -> view(habilitationId));
    }

    /** The habilitation's proofs and suspension; 404 {@code 00003} when unknown. */
    public Uni<SecurityProofView> view(UUID habilitationId) {
        return Panache.withSession(() -> HabilitationService.load(habilitationId).flatMap(loaded ->
                SecurityProof.history(habilitationId).map(history -> {
                    Habilitation h = loaded.habilitation();
                    List<SecurityProofView.Proof> proofs = history.stream().map(SecurityProofView.Proof::of).toList();
                    return new SecurityProofView(h.id.toString(), families.requiresProof(h), families.familiesOf(h),
                            h.suspended, proofs.isEmpty() ? null : proofs.get(0), proofs);
                })));
    }

    /**
     * One pass of the suspension rule over the habilitations it may concern: those whose current
     * proof has ended and that are not suspended, and those suspended (a proof recorded, or a
     * configuration that no longer requires one). Answers the number of habilitations changed.
     */
    public Uni<Integer> applyAll() {
        LocalDate today = today();
        Instant now = time.now();
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "select id from habilitations where (suspended is null and status = 'validated'"
                                + " and security_proof_valid_until < :today) or suspended is not null", UUID.class)
                .setParameter("today", today).getResultList()))
                .flatMap(ids -> {
                    Uni<Integer> changed = Uni.createFrom().item(0);
                    for (UUID id : ids) {
                        changed = changed.flatMap(n -> apply(id, today, now).map(c -> c ? n + 1 : n));
                    }
                    return changed;
                });
    }

    private Uni<Boolean> apply(UUID id, LocalDate today, Instant now) {
        List<Change> changes = new ArrayList<>();
        // Row lock + re-check inside: with several replicas each change is made (and audited) once.
        return Panache.withTransaction(() -> HabilitationService.loadForUpdate(id)
                        .flatMap(loaded -> applySuspension(loaded, today, now, ACTOR))
                        .invoke(c -> {
                            if (c != null) {
                                changes.add(c);
                            }
                        }))
                .call(() -> propagate(changes))
                .map(c -> !changes.isEmpty());
    }

    /** Whether the rule suspends {@code h} today. */
    public boolean suspendedBy(Habilitation h, LocalDate today) {
        return h.status() == HabilitationStatus.VALIDATED && families.requiresProof(h)
                && h.securityProofValidUntil != null && h.securityProofValidUntil.isBefore(today);
    }

    /** Inside the caller's transaction, holding the habilitation's lock: suspends or resumes it as the rule says. */
    private Uni<Change> applySuspension(Loaded loaded, LocalDate today, Instant now, String actor) {
        Habilitation h = loaded.habilitation();
        boolean suspend = suspendedBy(h, today);
        boolean suspended = h.suspended != null;
        if (suspend == suspended) {
            return Uni.createFrom().nullItem();
        }
        String action;
        String reason;
        if (suspend) {
            h.suspended = TokenState.SUSPENDED_SECURITY_PROOF;
            h.suspendedAt = now;
            action = "suspend_habilitation";
            reason = "Preuve de sécurité échue le " + h.securityProofValidUntil
                    + " : les routes qui exigent une preuve de sécurité sont refusées jusqu'à l'enregistrement d'une nouvelle preuve.";
        } else {
            h.suspended = null;
            h.suspendedAt = null;
            action = "resume_habilitation";
            reason = h.securityProofValidUntil != null && !h.securityProofValidUntil.isBefore(today)
                    ? "Preuve de sécurité en cours de validité jusqu'au " + h.securityProofValidUntil + "."
                    : "La preuve de sécurité n'est plus exigée pour cette habilitation.";
        }
        h.updatedAt = now;
        Map<String, String> details = new LinkedHashMap<>();
        details.put("suspended", suspend ? TokenState.SUSPENDED_SECURITY_PROOF : "");
        if (h.securityProofValidUntil != null) {
            details.put("security_proof_valid_until", h.securityProofValidUntil.toString());
        }
        return audit.record(AdminAction.of(actor, action, "habilitation", h.id.toString(), reason)
                        .withContext(h.id.toString(), null, loaded.organisation().siret, h.apiKind)
                        .withDetails(details))
                .chain(() -> Token.<Token>list("habilitationId = ?1 and endsAt > ?2", h.id, now))
                .map(tokens -> new Change(h.id, tokens.stream().map(t -> TokenService.state(t, loaded)).toList()));
    }

    /**
     * After the commit: the new state reaches the gateways through the tokens' copies. A Redis
     * failure here is logged; the reconciliation job rewrites every copy from PostgreSQL.
     */
    private Uni<Void> propagate(List<Change> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Change c : changes) {
            chain = chain.chain(() -> copy.writeAll(c.states())
                    .onFailure().invoke(f -> LOG.warnf("Suspension state of habilitation %s committed, Redis copies not rewritten"
                            + " (the reconciliation job will): %s", c.habilitationId(), f.toString()))
                    .onFailure().recoverWithNull());
        }
        return chain;
    }

    /** A checked request. */
    record ValidProof(String kind, String reference, LocalDate date, LocalDate validUntil) {
    }

    ValidProof validate(SecurityProofRequest body, LocalDate today) {
        if (body == null) {
            throw TokenErrors.invalid("kind", "Le corps doit donner « kind », « reference » et « date ».");
        }
        String kind = body.kind() == null ? null : body.kind().trim();
        if (!SecurityProof.HOMOLOGATION.equals(kind) && !SecurityProof.QUESTIONNAIRE.equals(kind)) {
            throw TokenErrors.invalid("kind", "Le champ « kind » doit valoir « homologation » (homologation de sécurité RGS)"
                    + " ou « questionnaire » (questionnaire de sécurité).");
        }
        String reference = body.reference() == null ? "" : body.reference().trim();
        if (reference.isEmpty() || reference.length() > REFERENCE_MAX || reference.chars().anyMatch(Character::isISOControl)) {
            throw TokenErrors.invalid("reference", "Le champ « reference » est obligatoire (" + REFERENCE_MAX
                    + " caractères au plus, sans caractère de contrôle).");
        }
        LocalDate date = date("date", body.date(), true);
        if (date.isAfter(today)) {
            throw TokenErrors.invalid("date", "La date de la preuve ne peut pas être dans le futur.");
        }
        LocalDate given = date("valid_until", body.validUntil(), SecurityProof.HOMOLOGATION.equals(kind));
        LocalDate validUntil;
        if (SecurityProof.QUESTIONNAIRE.equals(kind)) {
            // The terms: a questionnaire is renewed at most every three years; its end is not the partner's to choose.
            validUntil = date.plus(config.questionnaireValidity());
            if (given != null && !given.equals(validUntil)) {
                throw TokenErrors.invalid("valid_until", "Un questionnaire de sécurité vaut jusqu'au " + validUntil
                        + " (" + config.questionnaireValidity() + " après sa date) : omettez « valid_until » ou donnez cette date.");
            }
        } else {
            validUntil = given;
            if (validUntil.isBefore(date)) {
                throw TokenErrors.invalid("valid_until", "La fin de validité ne peut pas précéder la date de la preuve.");
            }
        }
        return new ValidProof(kind, reference, date, validUntil);
    }

    private static LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw TokenErrors.invalid(field, "Le champ « " + field + " » est obligatoire (date AAAA-MM-JJ).");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw TokenErrors.invalid(field, "Le champ « " + field + " » doit être une date AAAA-MM-JJ.");
        }
    }
}
