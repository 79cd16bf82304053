package fr.guichet.associations.rna.rest;

import static org.hamcrest.Matchers.equalTo;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/** {@link ServiceAuthContract} for provider-associations: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-associations";
    }

    @Override
    protected String dataPath() {
        return "/v3/ministere_interieur/rna/associations/W751234567";
    }

    @Override
    protected String upstream() {
        return "mi";
    }

    @Override
    protected void accepted(ValidatableResponse response) {
        response.body("data.rna_id", equalTo("W751234567"));
    }
}
