package fr.guichet.registers.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The platform routes every provider serves: readiness (Redis), metrics, OpenAPI, the request id. */
@QuarkusTest
class PlatformRoutesTest {

    @Test
    void readinessChecksRedis() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
    }

    @Test
    void metricsAndOpenApiAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Guichet provider-registers"));
    }

    @Test
    void anUndeclaredPathIs404AndEchoesTheRequestId() {
        given().header("X-Request-ID", "0190f1e2-aaaa-7bbb-8ccc-123456789abc").get("/v3/registre/inconnu")
                .then().statusCode(404).header("X-Request-ID", "0190f1e2-aaaa-7bbb-8ccc-123456789abc");
    }
}
