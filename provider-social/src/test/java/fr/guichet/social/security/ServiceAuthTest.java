package fr.guichet.social.security;

import static org.hamcrest.Matchers.equalTo;

import fr.guichet.social.testing.Calls;
import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** {@link ServiceAuthContract} for provider-social: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-social";
    }

    @Override
    protected String dataPath() {
        return "/v3/msa/etablissements/20005379100014/conformite_cotisations";
    }

    @Override
    protected String upstream() {
        return "probtp";
    }

    @Override
    protected Map<String, ?> queryParams() {
        return Calls.MANDATORY_PARAMS;
    }

    @Override
    protected void accepted(ValidatableResponse response) {
        response.body("data.status", equalTo("up_to_date"));
    }
}
