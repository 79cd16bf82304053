package fr.guichet.cnav.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.operation.ProviderOperations;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.testing.contract.ParticulierContract;
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
 * Sandbox mode: every case of every operation declared in {@code cnav.yml} (FranceConnect routes
 * included: their cases name the identity the gateway forwards), called at its declared path with
 * API Particulier's query ({@code prenoms[]} repeated, numbers as given), answers its status and
 * body, and every 200 conforms to openapi-particulier.yaml for that operation.
 */
@QuarkusTest
class SandboxModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxEngine engine;
    @Inject
    ProviderOperations operations;

    @Test
    void everyDeclaredOperationHasASuccessAndANotFoundCase() {
        assertEquals(16, operations.all().size());
        for (OperationDeclaration d : operations.all()) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                assertTrue(engine.cases(p.operationId()).stream().anyMatch(c -> c.status() == 200), p.operationId());
                assertTrue(engine.notFoundCase(p.operationId()).isPresent(), p.operationId());
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        return SandboxWalk.everyCase(operations.all(), engine::cases, (p, c) -> {
            String body = SandboxWalk.assertStatus(c, SandboxWalk.askParticulier(p, c));
            assertEquals(JSON.readTree(c.payload()), JSON.readTree(body), c.file());
            if (c.status() == 200) {
                ParticulierContract.assertValid(p.operationId(), 200, body);
            }
        });
    }


    @Test
    void aCallMatchingNoCaseGetsTheOperations404() {
        SandboxWalk.particulierQuery(Map.of("nomNaissance", List.of("PERSONNE"), "prenoms", List.of("INCONNU"), "sexeEtatCivil", List.of("M"),
                "codeCogInseePaysNaissance", List.of("99100"))).get("/v3/dss/quotient_familial/identite")
                .then().statusCode(404).body("errors[0].code", equalTo("37003"));
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
    void readinessIsUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
