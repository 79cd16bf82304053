package fr.guichet.gateway.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The platform's own addresses given to partners: in error details (00100, 00103, 00105, 00106)
 * and in the OpenAPI document (contact, code samples). All come from configuration
 * ({@code guichet.gateway.public-base-url} and {@code guichet.gateway.public.*}), so that no
 * answer sends a partner to API Entreprise's site or to a page this platform does not have.
 */
@ApplicationScoped
public class PlatformUrls {

    private final String base;
    private final String privileges;
    private final String dashboard;
    private final String renewal;
    private final String supportUrl;
    private final Optional<String> supportEmail;
    private final String supportName;

    @Inject
    public PlatformUrls(GatewayConfig config) {
        this(config.publicBaseUrl().orElse(""), config.publicPages().privilegesUrl(), config.publicPages().dashboardUrl(),
                config.publicPages().renewalUrl(), config.publicPages().supportUrl(), config.publicPages().supportEmail(),
                config.publicPages().supportName());
    }

    /**
     * @param base       the gateway's public base URL, empty when unset (paths then stay relative)
     * @param privileges where privileges are listed; empty: {@code base + "/privileges"}
     */
    public PlatformUrls(String base, Optional<String> privileges, String dashboard, String renewal, String supportUrl,
                        Optional<String> supportEmail, String supportName) {
        this.base = trimSlash(base);
        this.privileges = privileges.filter(p -> !p.isBlank()).orElse(this.base + "/privileges");
        this.dashboard = dashboard;
        this.renewal = renewal;
        this.supportUrl = supportUrl;
        this.supportEmail = supportEmail.filter(e -> !e.isBlank());
        this.supportName = supportName;
    }

    /** The gateway's public base URL without a trailing slash; empty when not configured. */
    public String base() {
        return base;
    }

    /** {@code GET /privileges} of this gateway. */
    public String privileges() {
        return privileges;
    }

    public String dashboard() {
        return dashboard;
    }

    public String renewal() {
        return renewal;
    }

    public String supportUrl() {
        return supportUrl;
    }

    public Optional<String> supportEmail() {
        return supportEmail;
    }

    public String supportName() {
        return supportName;
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
