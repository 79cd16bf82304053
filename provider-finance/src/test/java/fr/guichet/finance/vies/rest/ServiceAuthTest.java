package fr.guichet.finance.vies.rest;

import static org.hamcrest.Matchers.equalTo;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** {@link ServiceAuthContract} for provider-finance: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-finance";
    }

    @Override
    protected String dataPath() {
        return "/v3/european_commission/unites_legales/552049447/numero_tva";
    }

    @Override
    protected String upstream() {
        return "vies";
    }

    @Override
    protected void accepted(ValidatableResponse response) {
        response.body("data.tva_number", equalTo("FR82552049447"));
    }
}
