package fr.guichet.acoss.servicecivique;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.testing.contract.ParticulierContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Sandbox mode of API Particulier's service civique: every official case
 * ({@code sandbox/particulier/}), called with the query the gateway forwards ({@code recipient},
 * {@code prenoms[]} once per first name, the birth date parts as integers), answers its status and
 * body, and every 200 conforms to the operation's schema in openapi-particulier.yaml.
 */
@QuarkusTest
class ServiceCiviqueSandboxTest {

    static final String RECIPIENT = "13002526500013";
    static final Map<String, String> PATHS = Map.of(
            "api_particulier_v3_gip_mds_service_civique_with_civility", "/v3/gip_mds/service_civique/identite",
            "api_particulier_v3_gip_mds_service_civique_with_france_connect", "/v3/gip_mds/service_civique/france_connect");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SandboxEngine engine;

    @TestFactory
    Stream<DynamicTest> servesEveryCaseWithItsStatusAndBody() {
        assertEquals(15, PATHS.keySet().stream().mapToInt(id -> engine.cases(id).size()).sum(), "8 + 7 cas officiels");
        return PATHS.entrySet().stream().flatMap(op -> engine.cases(op.getKey()).stream()
                .map(c -> DynamicTest.dynamicTest(c.file(), () -> walk(op.getKey(), op.getValue(), c))));
    }

    private void walk(String operationId, String path, SandboxCase c) throws Exception {
        Response response = query(c).get(path);
        String body = response.asString();
        assertEquals(c.status(), response.statusCode(), c.file() + " → " + body);
        assertEquals(JSON.readTree(c.payload()), JSON.readTree(body), c.file());
        if (c.status() == 200) {
            ParticulierContract.assertValid(operationId, 200, body);
        }
    }

    private static RequestSpecification query(SandboxCase c) {
        RequestSpecification request = given().queryParam("recipient", RECIPIENT);
        for (var p : c.values().entrySet()) {
            request = request.queryParam("prenoms".equals(p.getKey()) ? "prenoms[]" : p.getKey(), (List<?>) p.getValue());
        }
        return request;
    }

    @Test
    void anUnknownPersonGetsThe404CaseOfGipMds() {
        given().queryParam("recipient", RECIPIENT).queryParam("nomNaissance", "PERSONNE").queryParam("prenoms[]", "NUL")
                .queryParam("anneeDateNaissance", 1980).queryParam("moisDateNaissance", 1).queryParam("jourDateNaissance", 1)
                .get(PATHS.get("api_particulier_v3_gip_mds_service_civique_with_civility")).then().statusCode(404)
                .body("errors[0].code", equalTo("31003"))
                .body("errors[0].meta.provider", equalTo("GIP-MDS"));
    }

    @Test
    void theProvidersOpenApiListsBothPaths() {
        String openapi = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        PATHS.values().forEach(p -> assertTrue(openapi.contains(p), p));
    }
}
