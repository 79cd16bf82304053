package fr.guichet.certifications;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ServiceAuthContract} for provider-certifications: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-certifications";
    }

    @Override
    protected String dataPath() {
        return "/v3/ademe/etablissements/13002526500013/certification_rge";
    }

    @Override
    protected String upstream() {
        return "ademe";
    }
}
