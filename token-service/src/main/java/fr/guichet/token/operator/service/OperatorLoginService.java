package fr.guichet.token.operator.service;

import fr.guichet.token.auth.LoginLinks;
import fr.guichet.token.auth.SessionTokens;
import fr.guichet.token.config.MailLinks;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.operator.repository.Operator;
import fr.guichet.token.operator.repository.OperatorLink;
import fr.guichet.token.time.TimeSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.mailer.Mail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Operator login by e-mailed link, with the partners' mechanics ({@link LoginLinks}): a single-use
 * link valid {@code guichet.token.partner.magic-link-ttl} (15 min), sent to an active operator
 * only, exchanged for a session JWT ({@code sub operator:<email>}, {@code groups [admin]} or
 * {@code [auditor]}, lifetime {@code guichet.token.admin.session-ttl}).
 */
@ApplicationScoped
public class OperatorLoginService {

    private static final Logger LOG = Logger.getLogger(OperatorLoginService.class);

    /** An operator session. */
    public record Session(String accessToken, long expiresIn, String email, String role) {
    }

    @Inject
    SessionTokens sessions;

    @Inject
    LoginLinks links;

    @Inject
    TimeSource time;

    @Inject
    TokenConfig config;

    /**
     * Mails a console link to {@code rawEmail} when it is an active operator's; the answer never
     * says whether it is.
     *
     * @throws fr.guichet.common.error.ApiException 422 for an invalid address, 429 when the asking
     *         address is in backoff, 503 when the mail cannot be sent
     */
    public Uni<Void> request(String rawEmail, String callerIp) {
        return links.admittedAddress("operator-link", rawEmail, callerIp).flatMap(email -> {
            if (email == null) {
                return Uni.createFrom().voidItem();
            }
            return Panache.withTransaction(() -> Operator.<Operator>find("email = ?1 and active = true", email).firstResult()
                    .flatMap(operator -> {
                        if (operator == null) {
                            LOG.debug("Console link asked for an address that is no active operator");
                            return Uni.createFrom().<String>nullItem();
                        }
                        Instant now = time.now();
                        String secret = LoginLinks.newSecret();
                        OperatorLink link = new OperatorLink();
                        link.tokenHash = LoginLinks.sha256(secret);
                        link.operatorId = operator.id;
                        link.createdAt = now;
                        link.expiresAt = now.plus(config.partner().magicLinkTtl());
                        return link.persist().replaceWith(secret);
                    }))
                    .flatMap(secret -> secret == null ? Uni.createFrom().voidItem() : send(email, secret));
        });
    }

    private Uni<Void> send(String email, String secret) {
        return links.send(Mail.withText(email, "Votre lien de connexion à la console Guichet",
                links.mailText("Pour ouvrir la console des opérateurs de Guichet",
                        MailLinks.consoleLogin(config.pages(), secret))));
    }

    /**
     * Exchanges a link for an operator session; the link is consumed atomically.
     *
     * @throws fr.guichet.common.error.ApiException 422 without a secret, 401 when the link is
     *         unknown, used, expired, or its operator was deactivated since it left
     */
    public Uni<Session> exchange(String secret) {
        if (secret == null || secret.isBlank()) {
            return Uni.createFrom().failure(TokenErrors.invalid("jeton", "Le champ « jeton » est obligatoire."));
        }
        String hash = LoginLinks.sha256(secret.strip());
        Instant now = time.now();
        return Panache.withTransaction(() -> OperatorLink.update(
                        "usedAt = ?1 where tokenHash = ?2 and usedAt is null and expiresAt > ?1", now, hash)
                .flatMap(updated -> {
                    if (updated != 1) {
                        return Uni.createFrom().failure(TokenErrors.unauthorized(
                                "Lien de connexion invalide, expiré ou déjà utilisé : demandez-en un nouveau."));
                    }
                    return OperatorLink.<OperatorLink>findById(hash)
                            .flatMap(link -> Operator.<Operator>findById(link.operatorId))
                            .map(operator -> {
                                if (operator == null || !operator.active) {
                                    throw TokenErrors.unauthorized("Ce compte d'opérateur a été désactivé.");
                                }
                                String jwt = sessions.issue(OperatorService.subject(operator), List.of(operator.role), null,
                                        config.admin().sessionTtl());
                                return new Session(jwt, config.admin().sessionTtl().toSeconds(), operator.email, operator.role);
                            });
                }));
    }
}
