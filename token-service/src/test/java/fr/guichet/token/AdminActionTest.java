package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Admin actions as operators type them: no body, an empty body or JSON; 405 and 415 titled as
 * such; one INFO log line per action, without any token value.
 */
@QuarkusTest
class AdminActionTest {

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void documentedRotationWithoutBodyRotates() throws Exception {
        String admin = Fixtures.adminToken();
        // curl -X POST -H "Authorization: Bearer $ADMIN" .../admin/keys/rotate: no body, no Content-Type.
        HttpResponse<String> rotated = post(admin, "admin/keys/rotate", null, HttpRequest.BodyPublishers.noBody());
        assertEquals(201, rotated.statusCode(), rotated.body());
        String kid = new ObjectMapper().readTree(rotated.body()).get("kid").asText();
        given().auth().oauth2(admin).when().get("/admin/keys").then().statusCode(200).body("data.kid", org.hamcrest.Matchers.hasItem(kid));

        // curl -X POST -d '' sends an empty form: still an action without reason.
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String habilitation = Fixtures.createHabilitation(admin, siret, "v-" + siret + "@example.fr");
        HttpResponse<String> validated = post(admin, "admin/habilitations/" + habilitation + "/validate",
                "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString(""));
        assertEquals(201, validated.statusCode(), validated.body());
        JsonNode issued = new ObjectMapper().readTree(validated.body());
        String jti = issued.get("jti").asText();
        String jwt = issued.get("token").asText();

        // Where a reason is required, an empty body is a 422 naming it, not a 415.
        assertEquals(422, post(admin, "admin/tokens/" + jti + "/revoke", null, HttpRequest.BodyPublishers.noBody()).statusCode());
        HttpResponse<String> noReason = post(admin, "admin/tokens/" + jti + "/revoke", "application/json",
                HttpRequest.BodyPublishers.ofString(""));
        assertEquals(422, noReason.statusCode(), noReason.body());
        assertTrue(noReason.body().contains("\"parameter\":\"reason\""), noReason.body());
        // JSON keeps working
        Fixtures.postReason(admin, "/admin/tokens/" + jti + "/revoke", "Jeton divulgué").statusCode(200)
                .body("status", equalTo("revoked"));

        // One INFO line per action: who, what, on which id; never the token itself.
        List<String> lines = Files.readAllLines(Path.of("target/token-service-test.log"), StandardCharsets.UTF_8);
        assertTrue(lines.stream().anyMatch(l -> l.contains("INFO") && l.contains("Admin action rotate_signing_key by admin on signing_key " + kid)), "rotation logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains("Admin action validate_habilitation by admin on habilitation " + habilitation)), "validation logged");
        assertTrue(lines.stream().anyMatch(l -> l.contains("Admin action revoke_token by admin on token " + jti)), "revocation logged");
        assertFalse(lines.stream().anyMatch(l -> l.contains(jwt)), "no token value in the logs");
        assertTrue(lines.stream().filter(l -> l.contains("Admin action")).allMatch(l -> l.matches("^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} .*")),
                "dated lines");
    }

    @Test
    void methodAndContentTypeRefusalsAreTitledAsSuch() {
        String admin = Fixtures.adminToken();
        given().auth().oauth2(admin).when().delete("/admin/organisations").then().statusCode(405)
                .body("errors[0].title", equalTo("Méthode non autorisée"));
        given().auth().oauth2(admin).contentType(ContentType.TEXT).body("raison : test")
                .when().post("/admin/keys/rotate").then().statusCode(415)
                .body("errors[0].title", equalTo("Type de contenu non pris en charge"))
                .body("errors[0].source.header", equalTo("Content-Type"));
    }

    private HttpResponse<String> post(String admin, String path, String contentType, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + path))
                .header("Authorization", "Bearer " + admin).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
