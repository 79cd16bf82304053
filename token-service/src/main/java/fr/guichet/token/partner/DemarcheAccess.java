package fr.guichet.token.partner;

import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.habilitation.HabilitationStatus;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.token.Token;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The one authorization model of people acting on démarches (habilitations): every partner
 * route and the magic-link login ask it, none decides on its own.
 *
 * <p>A {@link Person} (a partner session: the e-mail it was opened with and its organisation's
 * SIRET) acts on a habilitation only when
 * <ul>
 *   <li>the habilitation belongs to that organisation,</li>
 *   <li>the person's e-mail is one of its contacts (demandeur, technique or métier), and</li>
 *   <li>the habilitation still grants something: neither refused nor revoked nor ended, and its
 *       contacts not erased.</li>
 * </ul>
 * Being the contact of one démarche gives nothing on the organisation's other démarches. Anything
 * the person may not act on answers 404 ({@code 00003}), exactly like something that does not exist.
 * All methods run inside the caller's Hibernate Reactive session.
 */
@ApplicationScoped
public class DemarcheAccess {

    /** Who acts: the e-mail of the partner session (its subject) and its organisation's SIRET. */
    public record Person(String email, String siret) {

        public Person {
            email = email == null ? null : email.trim().toLowerCase(Locale.ROOT);
        }

        /**
         * The person behind a partner session: its e-mail (subject) and its organisation's SIRET.
         *
         * @throws fr.guichet.common.error.ApiException 403 when the session names no organisation or no e-mail
         */
        public static Person of(org.eclipse.microprofile.jwt.JsonWebToken session) {
            String siret = session.getClaim("siret");
            String email = session.getSubject();
            if (siret == null || email == null || email.isBlank()) {
                throw TokenErrors.forbidden("Cette session n'est rattachée à aucune organisation.");
            }
            return new Person(email, siret);
        }
    }

    /** Whether a habilitation still grants its contacts anything (login, tokens, contact changes). */
    public static boolean grants(Habilitation h) {
        HabilitationStatus status = h.status();
        return status != HabilitationStatus.REFUSED && status != HabilitationStatus.REVOKED
                && h.endedAt == null && h.contactsErasedAt == null && h.contacts != null;
    }

    /** Whether {@code email} is one of the habilitation's contacts and the habilitation grants. */
    public static boolean allows(Habilitation h, String email) {
        return email != null && grants(h) && h.contacts.emails().contains(email.trim().toLowerCase(Locale.ROOT));
    }

    /** The organisation's habilitations this person may act on, oldest first. */
    public Uni<List<Habilitation>> habilitations(Person person) {
        return organisation(person).flatMap(org -> Habilitation.listByOrganisation(org.id))
                .map(list -> list.stream().filter(h -> allows(h, person.email())).toList());
    }

    /** The habilitation, if this person may act on it; else 404 {@code 00003}. */
    public Uni<Habilitation> habilitation(Person person, UUID id) {
        return Habilitation.<Habilitation>findById(id).flatMap(h -> {
            if (h == null || !allows(h, person.email())) {
                return Uni.createFrom().failure(TokenErrors.notFound("Habilitation inconnue : " + id));
            }
            return Organisation.<Organisation>findById(h.organisationId).flatMap(org -> {
                if (org == null || !org.siret.equals(person.siret())) {
                    return Uni.createFrom().failure(TokenErrors.notFound("Habilitation inconnue : " + id));
                }
                return Uni.createFrom().item(h);
            });
        });
    }

    /** An API token of a habilitation this person may act on; else 404 {@code 00003}. */
    public Uni<Token> token(Person person, UUID jti) {
        return Token.<Token>findById(jti).flatMap(t -> {
            if (t == null || !Token.KIND_API.equals(t.kind)) {
                return Uni.createFrom().failure(TokenErrors.notFound("Jeton inconnu : " + jti));
            }
            return habilitation(person, t.habilitationId)
                    .onFailure().transform(f -> TokenErrors.notFound("Jeton inconnu : " + jti))
                    .replaceWith(t);
        });
    }

    /** The organisations where {@code email} is the contact of at least one granting habilitation. */
    public Uni<List<Organisation>> organisationsOf(String email) {
        String normalised = email.trim().toLowerCase(Locale.ROOT);
        // The LIKE narrows the rows read; the exact match on parsed contacts decides.
        String pattern = "%" + normalised.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return Habilitation.<Habilitation>list("contacts is not null and lower(contacts) like ?1", pattern)
                .flatMap(habs -> {
                    List<UUID> orgIds = habs.stream().filter(h -> allows(h, normalised))
                            .map(h -> h.organisationId).distinct().toList();
                    if (orgIds.isEmpty()) {
                        return Uni.createFrom().item(List.<Organisation>of());
                    }
                    return Organisation.<Organisation>list("id in ?1", orgIds);
                });
    }

    /** Whether {@code email} may still open a session on the organisation {@code organisationId}. */
    public Uni<Boolean> mayLogIn(String email, UUID organisationId) {
        return organisationsOf(email).map(orgs -> orgs.stream().anyMatch(o -> o.id.equals(organisationId)));
    }

    private static Uni<Organisation> organisation(Person person) {
        return Organisation.findBySiret(person.siret()).onItem().ifNull()
                .failWith(() -> TokenErrors.notFound("Organisation inconnue."));
    }
}
