package fr.guichet.dgfip.health;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** {@link ServiceAuthContract} for provider-dgfip: only the gateway's credential for it opens its data routes; its meters show in sandbox mode. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-dgfip";
    }

    @Override
    protected String dataPath() {
        return "/v3/dgfip/etablissements/13002526500013/chiffres_affaires";
    }

    @Override
    protected String upstream() {
        return "dgfip-adelie";
    }
}
