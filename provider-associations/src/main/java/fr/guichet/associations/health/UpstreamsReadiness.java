package fr.guichet.associations.health;

import fr.guichet.associations.rna.client.RnaClient;
import fr.guichet.associations.subvention.client.DataSubventionClient;
import fr.guichet.providerkit.health.UpstreamReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per upstream with a production adapter (the gateway's {@code /pings} read
 * them): UP with the mode in sandbox mode; in production DOWN when not configured, else the kit's
 * circuit and recent success ratio. Not critical: the other operations do not depend on it.
 */
@ApplicationScoped
public class UpstreamsReadiness {

    private final UpstreamReadiness readiness;
    private final RnaClient mi;
    private final DataSubventionClient dataSubvention;

    public UpstreamsReadiness(UpstreamReadiness readiness, RnaClient mi, DataSubventionClient dataSubvention) {
        this.readiness = readiness;
        this.mi = mi;
        this.dataSubvention = dataSubvention;
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck mi() {
        return () -> readiness.check(RnaClient.UPSTREAM, RnaClient.UPSTREAM, mi.configured(), false);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck dataSubvention() {
        return () -> readiness.check(DataSubventionClient.UPSTREAM, DataSubventionClient.UPSTREAM, dataSubvention.configured(), false);
    }
}
