package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Our error bodies follow API Entreprise's: each one is validated by an OpenAPI validator against
 * the {@code Error} schema of {@code guichet/reference/openapi-entreprise.yaml} (from common),
 * declared for token-service's own paths.
 */
@QuarkusTest
class ErrorContractTest {

    static OpenApiInteractionValidator validator;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void contract() throws Exception {
        Map<String, Object> reference;
        try (InputStream in = ErrorContractTest.class.getClassLoader()
                .getResourceAsStream("guichet/reference/openapi-entreprise.yaml")) {
            reference = new Yaml().load(in);
        }
        Object errorSchema = ((Map<String, Object>) ((Map<String, Object>) reference.get("components")).get("schemas")).get("Error");
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/admin/organisations", Map.of("post", operation(400, 401, 409, 415, 422)));
        paths.put("/admin/habilitations", Map.of("post", operation(400, 422)));
        paths.put("/admin/tokens/{jti}/revoke", Map.of("post", operationWithJti(404, 409, 422)));
        paths.put("/internal/tokens/{jti}", Map.of("get", operationWithJti(404)));
        paths.put("/me/tokens/{jti}/stats", Map.of("get", operationWithJti(401, 404)));
        Map<String, Object> spec = Map.of(
                "openapi", "3.0.1",
                "info", Map.of("title", "token-service errors", "version", "1"),
                "paths", paths,
                "components", Map.of("schemas", Map.of("Error", errorSchema)));
        validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(new ObjectMapper().writeValueAsString(spec))
                // The schema does not forbid extra members; API Entreprise errors carry source and meta.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
                .build();
    }

    private static Map<String, Object> operation(int... statuses) {
        return withParameters(false, statuses);
    }

    private static Map<String, Object> operationWithJti(int... statuses) {
        return withParameters(true, statuses);
    }

    private static Map<String, Object> withParameters(boolean jti, int... statuses) {
        Map<String, Object> responses = new LinkedHashMap<>();
        for (int status : statuses) {
            responses.put(String.valueOf(status), Map.of("description", "erreur",
                    "content", Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Error")))));
        }
        if (!jti) {
            return Map.of("responses", responses);
        }
        return Map.of("responses", responses, "parameters", List.of(Map.of("name", "jti", "in", "path",
                "required", true, "schema", Map.of("type", "string"))));
    }

    @Test
    void errorBodiesMatchTheApiEntrepriseErrorSchema() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        check(Request.Method.POST, "/admin/organisations", 409, given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "Doublon")).post("/admin/organisations"));
        check(Request.Method.POST, "/admin/organisations", 422, given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("siret", "123", "name", "X")).post("/admin/organisations"));
        check(Request.Method.POST, "/admin/organisations", 400, given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{").post("/admin/organisations"));
        check(Request.Method.POST, "/admin/organisations", 415, given().auth().oauth2(admin).contentType(ContentType.XML)
                .body("<x/>").post("/admin/organisations"));
        check(Request.Method.POST, "/admin/organisations", 401, given().contentType(ContentType.JSON)
                .body(Map.of("siret", siret, "name", "X")).post("/admin/organisations"));
        check(Request.Method.POST, "/admin/habilitations", 422, given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("organisation_siret", siret, "scopes", List.of("inconnu"))).post("/admin/habilitations"));
        check(Request.Method.POST, "/admin/tokens/00000000-0000-4000-8000-000000000001/revoke", 404,
                given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                        .post("/admin/tokens/00000000-0000-4000-8000-000000000001/revoke"));
        check(Request.Method.GET, "/internal/tokens/00000000-0000-4000-8000-000000000001", 404,
                Fixtures.internal().get("/internal/tokens/00000000-0000-4000-8000-000000000001"));
        check(Request.Method.GET, "/me/tokens/x/stats", 401, given().get("/me/tokens/x/stats"));
    }

    private static void check(Request.Method method, String path, int expectedStatus, Response response) {
        assertEquals(expectedStatus, response.statusCode(), response.asString());
        ValidationReport report = validator.validateResponse(path, method, SimpleResponse.Builder.status(response.statusCode())
                .withContentType(response.contentType()).withBody(response.asString()).build());
        assertFalse(report.hasErrors(), path + " " + response.statusCode() + ": " + report.getMessages());
    }
}
