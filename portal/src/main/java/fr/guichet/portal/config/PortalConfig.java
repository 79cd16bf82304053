package fr.guichet.portal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The portal's settings ({@code guichet.portal.*}); defaults in application.properties. */
@ConfigMapping(prefix = "guichet.portal")
public interface PortalConfig {

    /** The address partners open (GUICHET_PORTAL_PUBLIC_URL), without a trailing slash; e-mails and errors name it. */
    String publicUrl();

    /** token-service's base URL: magic links and the partner API ({@code /me/...}). */
    String tokenServiceUrl();

    /** The gateway's base URL: the providers' pings of the status page. */
    String gatewayUrl();

    /** trace-service's base URL: the providers' availability per day of the status page. */
    String traceServiceUrl();

    Session session();

    Login login();

    /** The partner session cookie. */
    interface Session {
        /** Seals the session cookie (AES-GCM key derived from it); at least 32 characters; a Secret in production. */
        String secret();

        /** Cookie flag Secure: true everywhere but local development over plain HTTP. */
        @WithDefault("true")
        boolean secureCookie();
    }

    /**
     * Throttling of magic-link requests per client address (never per e-mail, so that nobody can
     * lock another person out): {@code free-requests} within {@code window}, then a delay doubling
     * from {@code first-delay} up to {@code max-delay}.
     */
    interface Login {
        @WithDefault("10")
        int freeRequests();

        @WithDefault("15m")
        Duration window();

        @WithDefault("2s")
        Duration firstDelay();

        @WithDefault("15m")
        Duration maxDelay();
    }
}
