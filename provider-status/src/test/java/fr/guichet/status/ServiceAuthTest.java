package fr.guichet.status;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/** {@link ServiceAuthContract} for provider-status: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-status";
    }

    @Override
    protected String dataPath() {
        return "/v3/france_travail/statut/identifiant";
    }

    @Override
    protected Map<String, ?> queryParams() {
        return Map.of("recipient", "13002526500013", "identifiant", "default");
    }

    @Override
    protected String upstream() {
        return "france_travail";
    }
}
