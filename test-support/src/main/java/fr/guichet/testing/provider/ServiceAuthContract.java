package fr.guichet.testing.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import fr.guichet.common.security.ServiceCredentials;
import fr.guichet.testing.metrics.ProviderMeterChecks;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every provider owes the gateway and its operators, written once: with
 * {@code guichet.service-auth.secret} set (as in production), only a caller holding the gateway's
 * service credential for this very provider reaches its data routes (401 {@code 00101} otherwise,
 * the request id echoed), the platform routes ({@code /q/health}, {@code /q/metrics},
 * {@code /q/openapi}) stay open, and its meters show in sandbox mode as in production
 * ({@link ProviderMeterChecks}).
 *
 * <p>A provider module extends it in a {@code @QuarkusTest} with the test profile
 * {@link WithServiceSecret}, and names its service, one data route answering 200 in sandbox mode and
 * one of its configured upstreams.
 */
public abstract class ServiceAuthContract {

    /** The service secret of these tests (at least 32 bytes, as production requires). */
    public static final String SECRET = "service-secret-of-this-test-only-0123456789";
    /** The configuration {@link WithServiceSecret} applies. */
    public static final Map<String, String> SECRET_SETTING = Map.of("guichet.service-auth.secret", SECRET);

    /** The test profile of every subclass: the service secret set, as in production. */
    public static class WithServiceSecret implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return SECRET_SETTING;
        }
    }

    /** The provider's service name ({@code quarkus.application.name}): the audience of its credential. */
    protected abstract String serviceName();

    /** A data route answering 200 in sandbox mode. */
    protected abstract String dataPath();

    /** One of the upstreams configured under {@code guichet.upstream.<name>.*}: its circuit gauges must show. */
    protected abstract String upstream();

    /** Meter families this provider shows besides the provider kit's. */
    protected List<String> ownFamilies() {
        return List.of();
    }

    /** Query parameters the data route needs, if any. */
    protected Map<String, ?> queryParams() {
        return Map.of();
    }

    /** Further checks of the accepted call's answer. */
    protected void accepted(ValidatableResponse response) {
    }

    private RequestSpecification call() {
        return given().queryParams(queryParams());
    }

    @Test
    void aCallWithoutTheServiceCredentialIsRefusedWith401() {
        call().header("X-Request-ID", "refused-1").get(dataPath()).then().statusCode(401)
                .header("X-Request-ID", "refused-1")
                .body("errors[0].code", equalTo("00101"))
                .body("errors[0].title", equalTo("Interdit"));
    }

    @Test
    void aCredentialForAnotherServiceOrSignedWithAnotherSecretIsRefused() {
        String other = "provider-insee".equals(serviceName()) ? "provider-dgfip" : "provider-insee";
        String forAnother = new ServiceCredentials(SECRET).credentialFor("gateway", other);
        call().header(ServiceCredentials.HEADER, forAnother).get(dataPath()).then().statusCode(401)
                .body("errors[0].code", equalTo("00101"));
        String forged = new ServiceCredentials("another-secret-of-at-least-32-bytes-long")
                .credentialFor("gateway", serviceName());
        call().header(ServiceCredentials.HEADER, forged).get(dataPath()).then().statusCode(401);
    }

    @Test
    void theGatewaysCredentialForThisProviderIsAccepted() {
        String credential = new ServiceCredentials(SECRET).credentialFor("gateway", serviceName());
        accepted(call().header(ServiceCredentials.HEADER, credential).get(dataPath()).then().statusCode(200));
    }

    @Test
    void sandboxCallsAndCircuitsAreMeteredWithHelp() {
        String credential = new ServiceCredentials(SECRET).credentialFor("gateway", serviceName());
        call().header(ServiceCredentials.HEADER, credential).get(dataPath()).then().statusCode(200);
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        ProviderMeterChecks.assertSandboxMeters(scrape, serviceName(), dataPath(), upstream(), ownFamilies());
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
