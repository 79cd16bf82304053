package fr.guichet.gateway.service;

import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.config.PlatformUrls;
import fr.guichet.gateway.quota.TokenState;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses the calls of a habilitation suspended for want of a security proof (DGFIP ENSU terms,
 * 3.4: the exchange is suspended until a new homologation arrives) on the routes that require
 * one, and only there: 403 {@code 00108}. token-service decides the suspension and writes it into
 * the token's state copy ({@code suspended = security_proof}); which routes require a proof is
 * {@code guichet.gateway.security-proof.scope-prefixes} (a route opened by a scope starting with
 * one of them; default {@code ensu_documents_}, the ENSU routes).
 */
@ApplicationScoped
public class SecurityProofCheck {

    /** The {@code suspended} value of token-service's copy this check acts on. */
    public static final String SUSPENDED = "security_proof";

    /** {@code guichet.gateway.security-proof.*}. */
    @ConfigMapping(prefix = "guichet.gateway.security-proof")
    public interface Config {
        /** A route requires a security proof when one of the scopes opening it starts with one of these. */
        @WithDefault("ensu_documents_")
        List<String> scopePrefixes();
    }

    private final List<String> prefixes;
    private final PlatformUrls urls;

    public SecurityProofCheck(Config config, PlatformUrls urls) {
        this.prefixes = List.copyOf(config.scopePrefixes());
        this.urls = urls;
    }

    /** True when calls to {@code route} require a security proof in force. */
    public boolean requiresProof(Route route) {
        return Stream.concat(route.scopes().stream(), Stream.ofNullable(route.scopeTemplate()))
                .anyMatch(scope -> prefixes.stream().anyMatch(scope::startsWith));
    }

    /**
     * Throws 403 {@code 00108} when {@code state}'s habilitation is suspended for want of a
     * security proof and {@code route} requires one; otherwise nothing.
     */
    public void check(Route route, TokenState state) {
        if (state != null && SUSPENDED.equals(state.suspended()) && requiresProof(route)) {
            throw suspended();
        }
    }

    /** 403 {@code 00108}, naming what to send and where (this platform's support). */
    ApiException suspended() {
        String support = urls.supportUrl() + urls.supportEmail().map(e -> " (" + e + ")").orElse("");
        return new ApiException(403, Errors.of("00108").withDetail(
                "Votre habilitation est suspendue pour cette route : elle n'a plus de preuve de sécurité en cours de validité. "
                        + "Envoyez une nouvelle décision d'homologation de sécurité (RGS) ou un questionnaire de sécurité rempli "
                        + "au support de la plateforme : " + support + ". L'accès reprend dès son enregistrement."));
    }
}
