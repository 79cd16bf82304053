package fr.guichet.finance.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.testing.contract.OpenApiContract;
import fr.guichet.testing.sandbox.SandboxWalk;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sandbox mode: every case of every operation declared in {@code finance.yml} is answered at
 * its declared path with its status and body, verbatim, and every success conforms to the
 * official OpenAPI; adding an operation's cases tests them.
 */
@QuarkusTest
class SandboxModeTest {

    static final Map<String, String> MANDATORY_PARAMS = SandboxWalk.ENTREPRISE_PARAMS;

    @Inject
    SandboxEngine sandbox;
    @Inject
    ProviderOperations operations;

    @Test
    void everyDeclaredOperationHasSandboxCases() {
        sandbox.caseCounts(operations.all()).forEach((id, count) -> assertTrue(count > 0, id));
    }

    @Test
    void theSixOfficialCasesOfTheThreeOperationsAreLoaded() {
        assertEquals(3, operations.all().size());
        assertEquals(6, sandbox.caseCounts(operations.all()).values().stream().mapToInt(Integer::intValue).sum());
    }

    /** A SIREN no case names gets the operation's 404 case (here with the codes API Entreprise's staging answers). */
    @Test
    void anUnknownSirenGetsTheOperationsNotFoundCase() {
        given().queryParams(MANDATORY_PARAMS).get("/v3/european_commission/unites_legales/418166096/numero_tva")
                .then().statusCode(404)
                .body("errors[0].code", equalTo("32003"))
                .body("errors[0].meta.provider", equalTo("Commission Européenne"))
                // pointing to the gateway's published catalogue of the calls the sandbox answers
                .body("errors[0].detail", endsWith(" : http://localhost:8080/sandbox"));
    }

    @Test
    void malformedSirenGets422() {
        given().queryParams(MANDATORY_PARAMS).get("/v3/banque_de_france/unites_legales/12345/bilans")
                .then().statusCode(422)
                .body("errors[0].code", equalTo("00301"));
    }

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        return SandboxWalk.everyCase(operations.all(), sandbox::cases, (p, c) -> {
            String body = SandboxWalk.assertStatus(c, SandboxWalk.askEntreprise(p, c));
            assertEquals(c.payload(), body, c.file());
            if (c.status() == 200) {
                OpenApiContract.assertValid(SandboxWalk.entreprisePath(p, c), 200, body);
            }
        });
    }

    @Test
    void readinessChecksRedisAndOpenApiAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Guichet provider-finance"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
