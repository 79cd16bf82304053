package fr.guichet.registers.rest;

import static org.hamcrest.Matchers.equalTo;

import fr.guichet.registers.support.Calls;
import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** {@link ServiceAuthContract} for provider-registers: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-registers";
    }

    @Override
    protected String dataPath() {
        return "/v3/infogreffe/rcs/unites_legales/552049447/extrait_kbis";
    }

    @Override
    protected String upstream() {
        return "infogreffe";
    }

    @Override
    protected Map<String, ?> queryParams() {
        return Calls.MANDATORY_PARAMS;
    }

    @Override
    protected void accepted(ValidatableResponse response) {
        response.body("data.siren", equalTo("552049447"));
    }
}
