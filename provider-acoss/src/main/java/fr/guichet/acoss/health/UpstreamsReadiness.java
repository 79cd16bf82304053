package fr.guichet.acoss.health;

import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.common.provider.ProviderConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per upstream (Redis has its own, from the Redis extension). Not ready only
 * when production lacks the upstream's URL or credentials: an adapter that cannot ever call it. A failing
 * upstream is reported in the check's data but keeps the adapter ready, because it still serves
 * the other upstream and answers that one's callers with proper 502/504 errors.
 */
@ApplicationScoped
public class UpstreamsReadiness {

    private final ProviderConfig provider;
    private final AcossConfig config;
    private final UpstreamStatus status;

    public UpstreamsReadiness(ProviderConfig provider, AcossConfig config, UpstreamStatus status) {
        this.provider = provider;
        this.config = config;
        this.status = status;
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck urssaf() {
        return () -> check("URSSAF upstream", UpstreamStatus.URSSAF, config.urssafConfigured());
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck gipMds() {
        return () -> check("GIP-MDS upstream", UpstreamStatus.GIP_MDS, config.gipMdsConfigured());
    }

    private HealthCheckResponse check(String name, String upstream, boolean configured) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named(name)
                .withData("mode", provider.mode().label());
        if (provider.mode() == ProviderConfig.Mode.PRODUCTION && !configured) {
            return builder.down().withData("reason", "url or credentials not configured").build();
        }
        return builder.up().withData("status", status.ping(upstream).status()).build();
    }
}
