package fr.guichet.portal.login.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.portal.demarche.client.TokenServiceClient;
import fr.guichet.portal.demarche.client.TokenServiceFailure;
import fr.guichet.portal.session.PartnerSession;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Partner login through token-service's magic links: the portal asks token-service to e-mail a
 * link (to {@code /connexion/lien?jeton=...}, token-service's {@code pages.login-url}), then
 * exchanges the link's secret for token-service's partner session.
 */
@ApplicationScoped
public class LoginService {

    /** Loose shape check, for a clear message before asking token-service (which validates too). */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome of a link request: null message when the link was asked for. */
    public record Outcome(String error, int status) {
        public boolean ok() {
            return error == null;
        }
    }

    private final TokenServiceClient tokens;
    private final LoginThrottle throttle;

    public LoginService(@RestClient TokenServiceClient tokens, LoginThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    /** Whether {@code email} looks like an e-mail address. */
    public static boolean plausibleEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }

    /**
     * Asks for a link for {@code email} on behalf of the browser at {@code clientAddress}. The
     * answer never says whether the address is a contact.
     */
    public Outcome requestLink(String email, String clientAddress) {
        if (!plausibleEmail(email)) {
            return new Outcome("Saisissez une adresse électronique valide, par exemple nom@administration.gouv.fr.", 400);
        }
        long wait = throttle.attempt(clientAddress);
        if (wait > 0) {
            return new Outcome("Trop de demandes de lien depuis votre connexion : réessayez dans " + wait + " secondes.", 429);
        }
        try {
            tokens.requestLink(clientAddress, Map.of("email", email.strip()));
            return new Outcome(null, 200);
        } catch (RuntimeException e) {
            TokenServiceFailure failure = TokenServiceFailure.of(e);
            return new Outcome(failure.message(), failure.status() == 0 ? 503 : failure.status());
        }
    }

    /**
     * Exchanges the link's secret for a session.
     *
     * @throws LoginRefused with token-service's French reason when the link is unknown, used or expired
     */
    public PartnerSession openSession(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new LoginRefused("Ce lien de connexion est incomplet : demandez-en un nouveau.");
        }
        JsonNode session;
        try {
            session = tokens.openSession(Map.of("token", secret.strip()));
        } catch (RuntimeException e) {
            throw new LoginRefused(TokenServiceFailure.of(e).message());
        }
        String jwt = session.path("access_token").asText();
        long expiresAt = Instant.now().getEpochSecond() + session.path("expires_in").asLong(3600);
        return new PartnerSession(jwt, subject(jwt), session.path("siret").asText(null), expiresAt);
    }

    /** A refused login, with the French reason to show. */
    public static class LoginRefused extends RuntimeException {
        public LoginRefused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The e-mail the session was opened for (the JWT's subject), for display only: token-service
     * verifies the JWT on every call, the portal never trusts this value for access.
     */
    static String subject(String jwt) {
        String[] parts = jwt == null ? new String[0] : jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .path("sub").asText(null);
        } catch (RuntimeException | java.io.IOException e) {
            return null;
        }
    }
}
