package fr.guichet.social.health;

import fr.guichet.providerkit.health.UpstreamReadiness;
import fr.guichet.social.cibtp.client.CibtpClient;
import fr.guichet.social.cnetp.client.CnetpClient;
import fr.guichet.social.config.SocialConfig;
import fr.guichet.social.conventions.client.FabriqueClient;
import fr.guichet.social.probtp.client.ProbtpClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per upstream, the kit's {@link UpstreamReadiness}: in production, DOWN while
 * an upstream lacks its URL or credentials (the adapter can never call it); an open circuit is
 * reported in the check's data without making the module unready, because it still serves the
 * other upstreams and answers that one's callers with 503/504 errors. MSA has no adapter, hence no check.
 */
@ApplicationScoped
public class UpstreamsReadiness {

    private final UpstreamReadiness readiness;
    private final SocialConfig config;

    public UpstreamsReadiness(UpstreamReadiness readiness, SocialConfig config) {
        this.readiness = readiness;
        this.config = config;
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck probtp() {
        return () -> readiness.check(ProbtpClient.UPSTREAM, ProbtpClient.UPSTREAM, set(config.probtp().url()), false);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck cibtp() {
        return () -> readiness.check(CibtpClient.UPSTREAM, CibtpClient.UPSTREAM,
                set(config.cibtp().url()) && set(config.cibtp().clientId()) && set(config.cibtp().clientSecret()), false);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck cnetp() {
        return () -> readiness.check(CnetpClient.UPSTREAM, CnetpClient.UPSTREAM,
                set(config.cnetp().url()) && set(config.cnetp().clientNumber()) && set(config.cnetp().token()), false);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck fabrique() {
        return () -> readiness.check(FabriqueClient.UPSTREAM, FabriqueClient.UPSTREAM, set(config.fabrique().url()), false);
    }

    private static boolean set(Optional<String> value) {
        return value.filter(v -> !v.isBlank()).isPresent();
    }
}
