package fr.guichet.insee.health;

import fr.guichet.insee.client.SireneClient;
import fr.guichet.providerkit.health.UpstreamReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * INSEE Sirene as seen from here, for the gateway's {@code /ping/insee/sirene}: the kit's upstream
 * readiness (mode, circuit state, success ratio of the recent calls). Down only while the circuit
 * is open, i.e. while calls are refused without trying INSEE: INSEE is this provider's only upstream.
 */
@Readiness
@ApplicationScoped
public class SireneReadinessCheck implements HealthCheck {

    static final String NAME = "insee-sirene";

    private final UpstreamReadiness readiness;

    public SireneReadinessCheck(UpstreamReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public HealthCheckResponse call() {
        return readiness.check(NAME, SireneClient.CIRCUIT, true, true);
    }
}
