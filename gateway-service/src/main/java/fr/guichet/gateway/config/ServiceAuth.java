package fr.guichet.gateway.config;

import fr.guichet.common.security.ServiceCredentials;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The credential the gateway presents to the internal services it calls
 * ({@code X-Guichet-Service-Token}, docs/internal-contracts.md "Service-to-service credentials"),
 * signed with {@code guichet.service-auth.secret}: required in production, fixed values in dev
 * and test. One credential per audience is re-used until shortly before its end, so signing is
 * not on each call's path.
 */
@ApplicationScoped
@Startup
public class ServiceAuth {

    /** The {@code iss} of every credential the gateway presents. */
    public static final String CALLER = "gateway";
    /** Audience of token-service's {@code /internal/...} routes. */
    public static final String TOKEN_SERVICE = "token-service";

    private final Optional<ServiceCredentials> credentials;

    @Inject
    public ServiceAuth(@ConfigProperty(name = "guichet.service-auth.secret") Optional<String> secret) {
        this(secret, LaunchMode.current());
    }

    /** @throws IllegalStateException in production ({@code mode} NORMAL) without a secret */
    public ServiceAuth(Optional<String> secret, LaunchMode mode) {
        if (secret.filter(s -> !s.isBlank()).isEmpty() && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("guichet.service-auth.secret (GUICHET_SERVICE_AUTH_SECRET) is required in "
                    + "production: token-service and the providers refuse internal calls without a service credential. "
                    + "Set the installation's shared service secret (at least 32 bytes) from a Secret.");
        }
        this.credentials = secret.filter(s -> !s.isBlank()).map(ServiceCredentials::new);
    }

    /** The header value for {@code audience}, or empty when no secret is configured (dev outside the launcher). */
    public Optional<String> credentialFor(String audience) {
        return credentials.map(c -> c.credentialFor(CALLER, audience));
    }
}
