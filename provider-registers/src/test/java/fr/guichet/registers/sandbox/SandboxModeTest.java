package fr.guichet.registers.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.providerkit.sandbox.SandboxMisses;
import fr.guichet.registers.support.Calls;
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
 * Every sandbox case of every operation declared for provider-registers, called at its declared
 * path through the real HTTP stack: its status and body, and every success valid against the
 * official OpenAPI. Adding an operation's cases tests them.
 */
@QuarkusTest
class SandboxModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxEngine sandbox;
    /** The 404 of a call no case answers names the published catalogue: the case, completed. */
    @Inject
    SandboxMisses misses;
    @Inject
    ProviderOperations operations;

    @Test
    void everyDeclaredOperationHasASuccessAndANotFoundCase() {
        assertFalse(operations.all().isEmpty());
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertTrue(sandbox.cases(p.operationId()).stream().anyMatch(c -> c.status() == 200), p.operationId());
                assertTrue(sandbox.notFoundCase(p.operationId()).isPresent(), p.operationId());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        return SandboxWalk.everyCase(operations.all(), sandbox::cases, (p, c) -> {
            String body = SandboxWalk.assertStatus(c, SandboxWalk.askEntreprise(p, c));
            assertEquals(withoutStoredDocuments(JSON.readTree(c.payload())), withoutStoredDocuments(JSON.readTree(body)), c.file());
            if (c.status() == 200) {
                OpenApiContract.assertValid(SandboxWalk.entreprisePath(p, c), 200, body);
            }
        });
    }

    @Test
    void aSirenNoCaseNamesGetsTheOperationsNotFoundCase() {
        for (OperationDeclaration d : operations.all()) {
            OperationDeclaration.VersionedPath p = d.paths().get(0);
            String notFound = sandbox.notFoundCase(p.operationId()).orElseThrow().payload();
            String path = p.template().expand(Map.of("siren", "418166096"));
            given().queryParams(Calls.MANDATORY_PARAMS).get(path).then().statusCode(404)
                    .body(org.hamcrest.Matchers.is(misses.hinted(notFound)));
        }
    }

    @Test
    void aMalformedSirenIs422() {
        given().queryParams(Calls.MANDATORY_PARAMS).get("/v3/infogreffe/rcs/unites_legales/12345/extrait_kbis")
                .then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("00301"))
                .body("errors[0].source.parameter", org.hamcrest.Matchers.equalTo("siren"));
    }

    /** The stored sample documents (SandboxDocumentsTest) compare as one placeholder. */
    private static JsonNode withoutStoredDocuments(JsonNode body) {
        for (JsonNode list : List.of(body.path("data").path("actes"), body.path("data").path("bilans"))) {
            list.forEach(item -> ((ObjectNode) item).put("url", "<document>"));
        }
        return body;
    }
}
