package fr.guichet.education.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.education.support.ParticulierQuery;
import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.testing.contract.ParticulierContract;
import fr.guichet.testing.particulier.ParticulierSandbox;
import fr.guichet.testing.sandbox.SandboxWalk;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sandbox mode: every case of every operation declared in {@code education.yml}, called at its
 * declared path with the query the gateway forwards ({@code prenoms[]} repeated, integers as
 * given), answers its status and body, and every 200 conforms to its operation's schema in the
 * official API Particulier OpenAPI. Adding an operation's cases tests them.
 */
@QuarkusTest
class SandboxModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxEngine engine;
    @Inject
    ProviderOperations operations;

    @Test
    void everyDeclaredOperationHasASuccessCase() {
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertTrue(engine.cases(p.operationId()).stream().anyMatch(c -> c.status() == 200), p.operationId());
            }
        }
        assertEquals(12, operations.all().stream().mapToInt(d -> d.paths().size()).sum());
    }

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        return SandboxWalk.everyCase(operations.all(), engine::cases, this::walk);
    }

    private void walk(OperationDeclaration.VersionedPath p, SandboxCase c) throws Exception {
        // A case naming the first names as one text is out of reach: a partner (and the gateway, for
        // FranceConnect) always sends them as an array, and the sandbox tells an array from a text.
        JsonNode prenoms = ParticulierSandbox.typedParams(Path.of("src/main/resources/sandbox"), c).path("prenoms");
        Assumptions.assumeTrue(prenoms.isMissingNode() || prenoms.isArray(),
                () -> c.file() + " : prénoms donnés en texte, qu'aucun appel ne peut envoyer");
        String body = SandboxWalk.assertStatus(c, get(p.template().template(), c.values()));
        assertEquals(JSON.readTree(c.payload()), JSON.readTree(body), c.file());
        if (c.status() == 200) {
            List<String> problems = ParticulierContract.sandboxCaseProblems(p.operationId(), body);
            assertTrue(problems.isEmpty(), c.file() + " : non conforme à l'OpenAPI API Particulier\n" + String.join("\n", problems));
        }
    }

    /**
     * An identity no case names gets the operation's own 404 case where API Particulier ships one,
     * else the standard 404 of its upstream (v4 CNOUS: 26003, the v3 cases' code).
     */
    @Test
    void anUnknownIdentityGetsTheOperations404() throws Exception {
        Map<String, List<String>> nobody = Map.of("ine", List.of("0000000000Z"));
        JsonNode v3 = JSON.readTree(get("/v3/cnous/etudiant_boursier/ine", nobody).then().statusCode(404).extract().asString());
        assertEquals("26003", v3.path("errors").path(0).path("code").asText());
        get("/v4/cnous/etudiant_boursier/ine", nobody).then().statusCode(404)
                .body("errors[0].code", equalTo("26003"))
                .body("errors[0].meta.provider", equalTo("CNOUS"));
        get("/v3/mesri/statut_etudiant/ine", nobody).then().statusCode(404)
                .body("errors[0].code", equalTo("25003"));
    }

    @Test
    void openApiListsEveryDeclaredPath() {
        String openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertTrue(openapi.contains(p.template().template()), p.template().template());
            }
        }
    }

    @Test
    void readinessIsUpWithRedis() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static Response get(String path, Map<String, List<String>> values) {
        return given().urlEncodingEnabled(false).get(path + "?" + ParticulierQuery.encode(ParticulierQuery.of(values)));
    }
}
