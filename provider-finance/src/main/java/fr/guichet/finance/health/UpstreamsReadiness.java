package fr.guichet.finance.health;

import fr.guichet.finance.banquedefrance.client.BanqueDeFranceClient;
import fr.guichet.finance.douanes.client.DouanesClient;
import fr.guichet.finance.vies.client.ViesClient;
import fr.guichet.providerkit.health.UpstreamReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * One readiness check per upstream of provider-finance (the gateway's {@code /pings} read them):
 * UP with the mode in sandbox mode; in production DOWN when not configured, else the kit's
 * circuit and recent success ratio. No upstream is critical: the module serves the others
 * while one fails.
 */
@ApplicationScoped
public class UpstreamsReadiness {

    private final UpstreamReadiness readiness;
    private final DouanesClient douanes;
    private final ViesClient vies;
    private final BanqueDeFranceClient banqueDeFrance;

    public UpstreamsReadiness(UpstreamReadiness readiness, DouanesClient douanes, ViesClient vies,
            BanqueDeFranceClient banqueDeFrance) {
        this.readiness = readiness;
        this.douanes = douanes;
        this.vies = vies;
        this.banqueDeFrance = banqueDeFrance;
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck banqueDeFrance() {
        return () -> readiness.check(BanqueDeFranceClient.UPSTREAM, BanqueDeFranceClient.UPSTREAM, banqueDeFrance.configured(), false);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck douanes() {
        return () -> readiness.check(DouanesClient.UPSTREAM, DouanesClient.UPSTREAM, douanes.configured(), false);
    }

    @Produces
    @Readiness
    @ApplicationScoped
    HealthCheck vies() {
        return () -> readiness.check(ViesClient.UPSTREAM, ViesClient.UPSTREAM, vies.configured(), false);
    }
}
