package fr.guichet.token.auth;

import fr.guichet.token.config.MailLinks;
import fr.guichet.token.config.TokenConfig;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.habilitation.EmailAddresses;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * What every e-mailed login link shares (partners' magic links, operators' console links): the
 * link's random secret, the SHA-256 under which it is stored (never the secret itself), and the
 * throttling of link requests — per asking address with backoff (so that nobody can lock another
 * person out), and a cap of mails per recipient within one link lifetime (so that a mailbox is not
 * flooded, while the links already sent stay valid).
 */
@ApplicationScoped
public class LoginLinks {

    private static final Logger LOG = Logger.getLogger(LoginLinks.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AttemptGuard guard;

    @Inject
    TokenConfig config;

    @Inject
    ReactiveMailer mailer;

    /**
     * The address a link is asked for, trimmed and lower case (addresses are case-insensitive).
     *
     * @throws fr.guichet.common.error.ApiException 422 {@code 00801} on {@code email} when it is no e-mail address
     */
    public static String requestedAddress(String rawEmail) {
        if (!EmailAddresses.isValid(rawEmail)) {
            throw TokenErrors.invalid("email", "Le champ « email » doit être une adresse e-mail valide.");
        }
        return rawEmail.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The text of a login mail: {@code intro} (what the link opens), the link, its lifetime and
     * single use, and the platform's signature.
     */
    public String mailText(String intro, String link) {
        return "Bonjour,\n\n" + intro + ", ouvrez ce lien dans les " + config.partner().magicLinkTtl().toMinutes()
                + " minutes :\n\n" + link
                + "\n\nCe lien ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message."
                + MailLinks.signature(config.pages());
    }

    /**
     * Sends login mails.
     *
     * @throws fr.guichet.common.error.ApiException 503 when the mail server refuses them
     */
    public Uni<Void> send(Mail... mails) {
        return mailer.send(mails).onFailure().transform(f -> {
            LOG.errorf("Login link e-mail not sent: %s", f.toString());
            return TokenErrors.mailUnavailable();
        });
    }

    /**
     * Admits a link request of {@code kind} for {@code email} from {@code callerIp}.
     *
     * @return true when a link may be mailed, false when the recipient's mail cap is reached
     *         (the caller then answers as if it had sent one)
     * @throws fr.guichet.common.error.ApiException 429 when the asking address is in backoff
     */
    public Uni<Boolean> admit(String kind, String email, String callerIp) {
        String byAddress = AttemptGuard.address(kind, callerIp);
        return guard.blockedFor(byAddress).flatMap(wait -> {
            if (wait > 0) {
                return Uni.createFrom().failure(TokenErrors.tooManyAttempts(wait));
            }
            return guard.failed(byAddress, config.throttle().magicLinkRequests())
                    .chain(() -> guard.count(kind + ":mail:" + sha256(email), config.partner().magicLinkTtl()))
                    .map(mails -> {
                        if (mails > config.throttle().mailsPerAddress()) {
                            LOG.debugf("Login link (%s) not sent: mail cap of the address reached", kind);
                            return false;
                        }
                        return true;
                    });
        });
    }

    /**
     * The first steps of every link request: the address checked and normalised
     * ({@link #requestedAddress}), then the request admitted ({@link #admit}).
     *
     * @return the normalised address when a link may be mailed; null when the recipient's mail cap
     *         is reached (the caller then answers as if it had sent one)
     * @throws fr.guichet.common.error.ApiException (as a failed Uni) 422 {@code 00801} for an
     *         invalid address, 429 when the asking address is in backoff
     */
    public Uni<String> admittedAddress(String kind, String rawEmail, String callerIp) {
        String email;
        try {
            email = requestedAddress(rawEmail);
        } catch (RuntimeException invalid) {
            return Uni.createFrom().failure(invalid);
        }
        return admit(kind, email, callerIp).map(admitted -> admitted ? email : null);
    }

    /** A new link secret: 32 random bytes, base64url. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Hex SHA-256 of {@code value}: how a link secret is stored and looked up. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
