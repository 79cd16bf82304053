package fr.guichet.education;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** {@link ServiceAuthContract} for provider-education: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-education";
    }

    @Override
    protected String dataPath() {
        return "/v3/mesri/statut_etudiant/ine";
    }

    @Override
    protected Map<String, ?> queryParams() {
        return Map.of("recipient", "13002526500013", "ine", "1234567890A");
    }

    @Override
    protected String upstream() {
        return "mesri";
    }
}
