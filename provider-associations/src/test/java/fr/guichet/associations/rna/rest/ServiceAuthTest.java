package fr.guichet.associations.rna.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.guichet.common.security.ServiceCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With {@code guichet.service-auth.secret} set (as in production), only a caller holding the
 * gateway's service credential for provider-associations reaches the data routes; the platform
 * routes stay open.
 */
@QuarkusTest
@TestProfile(ServiceAuthTest.WithServiceSecret.class)
class ServiceAuthTest {

    static final String SECRET = "service-secret-of-this-test-only-0123456789";
    static final String PATH = "/v3/ministere_interieur/rna/associations/W751234567";

    public static class WithServiceSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("guichet.service-auth.secret", SECRET);
        }
    }

    @Test
    void aCallWithoutTheServiceCredentialIsRefusedWith401() {
        given().header("X-Request-ID", "refused-1").get(PATH).then().statusCode(401)
                .header("X-Request-ID", "refused-1")
                .body("errors[0].code", equalTo("00101"))
                .body("errors[0].title", equalTo("Interdit"));
    }

    @Test
    void aCredentialForAnotherServiceOrSignedWithAnotherSecretIsRefused() {
        String forInsee = new ServiceCredentials(SECRET).credentialFor("gateway", "provider-insee");
        given().header(ServiceCredentials.HEADER, forInsee).get(PATH).then().statusCode(401)
                .body("errors[0].code", equalTo("00101"));
        String forged = new ServiceCredentials("another-secret-of-at-least-32-bytes-long")
                .credentialFor("gateway", "provider-associations");
        given().header(ServiceCredentials.HEADER, forged).get(PATH).then().statusCode(401);
    }

    @Test
    void theGatewaysCredentialForProviderAssociationsIsAccepted() {
        String credential = new ServiceCredentials(SECRET).credentialFor("gateway", "provider-associations");
        given().header(ServiceCredentials.HEADER, credential).get(PATH).then().statusCode(200)
                .body("data.rna_id", equalTo("W751234567"));
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
