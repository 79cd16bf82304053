package fr.guichet.token.partner;

import fr.guichet.token.auth.LoginLinks;
import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.config.MailLinks;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.organisation.Organisation;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Partner login by magic link: a contact of an organisation receives a single-use link valid
 * 15 minutes, exchanged for a short-lived partner session JWT bound to that organisation's SIRET.
 */
@ApplicationScoped
public class MagicLinkService {

    private static final Logger LOG = Logger.getLogger(MagicLinkService.class);

    /** A partner session. */
    public record Session(String accessToken, long expiresIn, String siret) {
    }

    @Inject
    SessionTokens sessions;

    @Inject
    LoginLinks links;

    @Inject
    TimeSource time;

    @Inject
    TokenConfig config;

    @Inject
    DemarcheAccess access;

    /**
     * Sends a link to {@code email} for each organisation where it is the contact of a démarche
     * that still grants access ({@link DemarcheAccess}). The answer never says whether the address
     * is known.
     */
    public Uni<Void> request(String rawEmail, String callerIp) {
        // Requests slow down the asking address (backoff), never the person the link is for.
        return links.admittedAddress("magic-link", rawEmail, callerIp).flatMap(email -> email != null
                ? createLinks(email).flatMap(created -> send(email, created))
                : Uni.createFrom().voidItem());
    }

    private record Link(String secret, Organisation organisation) {
    }

    private Uni<List<Link>> createLinks(String email) {
        // Only the organisations where the address is the contact of a démarche that still grants.
        return Panache.withTransaction(() -> access.organisationsOf(email).flatMap(orgs -> {
            Instant now = time.now();
            List<Link> links = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Organisation org : orgs) {
                String secret = LoginLinks.newSecret();
                MagicLink link = new MagicLink();
                link.tokenHash = LoginLinks.sha256(secret);
                link.organisationId = org.id;
                link.email = email;
                link.createdAt = now;
                link.expiresAt = now.plus(config.partner().magicLinkTtl());
                links.add(new Link(secret, org));
                chain = chain.chain(() -> link.persist().replaceWithVoid());
            }
            return chain.replaceWith(links);
        }));
    }

    private Uni<Void> send(String email, List<Link> links) {
        if (links.isEmpty()) {
            LOG.debug("Magic link asked for an address that is no contact");
            return Uni.createFrom().voidItem();
        }
        Mail[] mails = links.stream().map(link -> Mail.withText(email,
                "Votre lien de connexion à Guichet — " + link.organisation().name,
                this.links.mailText("Pour accéder à l'espace de " + link.organisation().name + " (SIRET "
                        + link.organisation().siret + ")", MailLinks.login(config.pages(), link.secret()))))
                .toArray(Mail[]::new);
        return this.links.send(mails);
    }

    /** Exchanges a link for a partner session; the link is consumed atomically. */
    public Uni<Session> exchange(String secret) {
        if (secret == null || secret.isBlank()) {
            return Uni.createFrom().failure(TokenErrors.invalid("token", "Le champ « token » est obligatoire."));
        }
        String hash = LoginLinks.sha256(secret.trim());
        Instant now = time.now();
        return Panache.withTransaction(() -> MagicLink.update(
                        "usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, hash)
                .flatMap(updated -> {
                    if (updated != 1) {
                        return Uni.createFrom().failure(TokenErrors.unauthorized(
                                "Lien de connexion invalide, expiré ou déjà utilisé : demandez-en un nouveau."));
                    }
                    return MagicLink.<MagicLink>findById(hash)
                            .call(link -> access.mayLogIn(link.email, link.organisationId).invoke(allowed -> {
                                // the démarche was refused, revoked or ended since the link left
                                if (!allowed) {
                                    throw TokenErrors.unauthorized(
                                            "Cette adresse n'est plus le contact d'aucune démarche active de l'organisation.");
                                }
                            }))
                            .flatMap(link -> Organisation.<Organisation>findById(link.organisationId)
                                    .map(org -> {
                                        String jwt = sessions.issue(link.email, List.of(SessionTokens.GROUP_PARTNER),
                                                org.siret, config.partner().sessionTtl());
                                        return new Session(jwt, config.partner().sessionTtl().toSeconds(), org.siret);
                                    }));
                }));
    }
}
