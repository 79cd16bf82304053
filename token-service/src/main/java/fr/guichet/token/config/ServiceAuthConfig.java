package fr.guichet.token.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The installation's shared service secret ({@code guichet.service-auth.secret}, at least 32 bytes):
 * internal callers (the gateway) sign their {@code X-Guichet-Service-Token} with it. Contract:
 * "Service-to-service credentials" in docs/internal-contracts.md. Set in dev and test; production
 * gives it through {@code GUICHET_SERVICE_AUTH_SECRET} (from a Secret).
 */
@ConfigMapping(prefix = "guichet.service-auth")
public interface ServiceAuthConfig {

    /** The shared secret; required in production, optional in dev and test (see {@code InternalRouteGuard}). */
    Optional<String> secret();
}
