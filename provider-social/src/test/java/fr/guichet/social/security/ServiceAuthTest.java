package fr.guichet.social.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.social.testing.Calls;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code guichet.service-auth.secret} set (as in production), only a caller holding the
 * gateway's service credential for provider-social reaches the data routes; the platform routes
 * stay open.
 */
@QuarkusTest
@TestProfile(ServiceAuthTest.WithServiceSecret.class)
class ServiceAuthTest {

    static final String SECRET = "service-secret-of-this-test-only-0123456789";
    static final String PATH = "/v3/msa/etablissements/20005379100014/conformite_cotisations";

    public static class WithServiceSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.service-auth.secret", SECRET);
        }
    }

    @Test
    void aCallWithoutTheServiceCredentialIsRefusedWith401() {
        given().header("X-Request-ID", "refused-1").queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(401)
                .header("X-Request-ID", "refused-1")
                .body("errors[0].code", equalTo("00101"));
    }

    @Test
    void aCredentialForAnotherServiceOrSignedWithAnotherSecretIsRefused() {
        String forAcoss = new ServiceCredentials(SECRET).credentialFor("gateway", "provider-acoss");
        given().header(ServiceCredentials.HEADER, forAcoss).queryParams(Calls.MANDATORY_PARAMS).get(PATH).then()
                .statusCode(401).body("errors[0].code", equalTo("00101"));
        String forged = new ServiceCredentials("another-secret-of-at-least-32-bytes-long").credentialFor("gateway", "provider-social");
        given().header(ServiceCredentials.HEADER, forged).queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(401);
    }

    @Test
    void theGatewaysCredentialForProviderSocialIsAccepted() {
        String credential = new ServiceCredentials(SECRET).credentialFor("gateway", "provider-social");
        given().header(ServiceCredentials.HEADER, credential).queryParams(Calls.MANDATORY_PARAMS).get(PATH).then()
                .statusCode(200).body("data.status", equalTo("up_to_date"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
