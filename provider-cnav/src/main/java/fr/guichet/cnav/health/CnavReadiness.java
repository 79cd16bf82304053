package fr.guichet.cnav.health;

import fr.guichet.cnav.dss.client.CnavClient;
import fr.guichet.providerkit.health.UpstreamReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of CNAV's exchange (the gateway's {@code /pings} read it): UP with the mode in sandbox
 * mode; in production DOWN when not configured, else the kit's circuit and recent success ratio.
 * Not critical: while CNAV fails, the provider stays in service and answers CNAV's errors
 * (502 {@code 37001}, 504 {@code 37002}) rather than leave the gateway without an answer.
 */
@ApplicationScoped
public class CnavReadiness {

    private final UpstreamReadiness readiness;
    private final CnavClient client;

    public CnavReadiness(UpstreamReadiness readiness, CnavClient client) {
        this.readiness = readiness;
        this.client = client;
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck cnav() {
        return () -> readiness.check(CnavClient.UPSTREAM, CnavClient.UPSTREAM, client.configured(), false);
    }
}
