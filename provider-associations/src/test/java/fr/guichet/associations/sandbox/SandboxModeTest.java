package fr.guichet.associations.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.testing.contract.OpenApiContract;
import fr.guichet.testing.sandbox.SandboxWalk;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sandbox mode: every case of every operation declared in {@code associations.yml} is answered at
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
    void theThirteenOfficialCasesOfTheFiveOperationsAreLoaded() {
        assertEquals(5, operations.all().size());
        assertEquals(13, sandbox.caseCounts(operations.all()).values().stream().mapToInt(Integer::intValue).sum());
    }

    /** API Association exists in v4 only: the declared id stays the v3 name of authorizations.yml and throttle.yml. */
    @Test
    void djepvaOperationsAreV4OnlyUnderTheirV4Ids() {
        OperationDeclaration d = operations.all().stream()
                .filter(o -> o.id().equals("api_entreprise_v3_mi_unites_legales")).findFirst().orElseThrow();
        assertEquals(1, d.paths().size());
        assertEquals("v4", d.paths().get(0).version());
        assertEquals("api_entreprise_v4_mi_unites_legales", d.paths().get(0).operationId());
        assertEquals("api_entreprise_v4_mi_unites_legales_open_data", operations.resolve(null,
                "/v4/djepva/api-association/associations/open_data/W604004799").orElseThrow().operationId());
    }

    @Test
    void anUnknownAssociationWithoutA404CaseGetsTheStandardNotFoundOfItsProvider() {
        given().queryParams(MANDATORY_PARAMS).get("/v4/djepva/api-association/associations/W000000001")
                .then().statusCode(404)
                .body("errors[0].code", equalTo("29003"))
                .body("errors[0].meta.provider", equalTo("DJEPVA"));
        given().queryParams(MANDATORY_PARAMS).get("/v3/ministere_interieur/rna/associations/W000000001")
                .then().statusCode(404)
                .body("errors[0].code", equalTo("24003"));
    }

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        return SandboxWalk.everyCase(operations.all(), sandbox::cases, (p, c) -> {
            String body = SandboxWalk.assertStatus(c, SandboxWalk.askEntreprise(p, c));
            assertEquals(c.payload(), body, c.file());
            if (c.status() == 200) {
                assertConformsButForKnownDivergences(p.operationId(), SandboxWalk.entreprisePath(p, c), body);
            }
        });
    }

    /** Conforms to the official OpenAPI, but for the divergences of API Entreprise's own cases. */
    static void assertConformsButForKnownDivergences(String operationId, String path, String body) {
        List<String> problems = OpenApiContract.sandboxCaseProblems(operationId, path, body);
        assertTrue(problems.isEmpty(), path + " : " + problems);
    }

    @Test
    void readinessChecksRedisAndOpenApiAndMetricsAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Redis connection health check' }.status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Guichet provider-associations"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
