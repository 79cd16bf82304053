package fr.guichet.insee.sirene.rest;

import static org.hamcrest.Matchers.equalTo;

import fr.guichet.testing.provider.ServiceAuthContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.List;

/** {@link ServiceAuthContract} for provider-insee: only the gateway's credential for it opens its data routes. */
@QuarkusTest
@TestProfile(ServiceAuthContract.WithServiceSecret.class)
class ServiceAuthTest extends ServiceAuthContract {

    @Override
    protected String serviceName() {
        return "provider-insee";
    }

    @Override
    protected String dataPath() {
        return "/v3/insee/sirene/unites_legales/552049447";
    }

    @Override
    protected String upstream() {
        return "insee-sirene";
    }

    @Override
    protected List<String> ownFamilies() {
        return List.of("guichet_insee_upstream_success_ratio");
    }

    @Override
    protected void accepted(ValidatableResponse response) {
        response.body("data.siren", equalTo("552049447"));
    }
}
