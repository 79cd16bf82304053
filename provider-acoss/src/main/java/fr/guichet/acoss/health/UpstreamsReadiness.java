package fr.guichet.acoss.health;

import fr.guichet.acoss.config.AcossConfig;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.providerkit.health.UpstreamReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per upstream, the kit's {@link UpstreamReadiness} (Redis has its own, from
 * the Redis extension). Not ready only when production lacks the upstream's URL or credentials: an
 * adapter that cannot ever call it. A failing upstream (open circuit, failed ping) is reported in
 * the check's data but keeps the adapter ready, because it still serves the other upstream and
 * answers that one's callers with proper 502/504 errors.
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
        if (provider.mode() == ProviderConfig.Mode.PRODUCTION && !configured) {
            return UpstreamReadiness.notConfigured(name, provider.mode()).build();
        }
        return status.readiness(name, upstream).build();
    }
}
