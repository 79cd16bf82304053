package fr.guichet.acoss.health;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** {@link ServiceAuthContract} for provider-acoss: only the gateway's credential for it opens its data routes; its meters show in sandbox mode. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-acoss";
    }

    @Override
    protected String dataPath() {
        return "/v3/urssaf/unites_legales/418166096/attestation_vigilance";
    }

    @Override
    protected String upstream() {
        return "urssaf";
    }

    @Override
    protected Map<String, ?> queryParams() {
        return Map.of("context", "Test", "object", "Test", "recipient", "13002526500013");
    }
}
