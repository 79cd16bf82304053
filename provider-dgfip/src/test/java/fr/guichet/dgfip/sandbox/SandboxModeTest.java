package fr.guichet.dgfip.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.guichet.dgfip.support.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sandbox mode serves every DGFIP fixture case with its status and body, conform to the OpenAPI. */
@QuarkusTest
class SandboxModeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RedisDataSource redis;

    record Case(String operation, String file, JsonNode params, int status, JsonNode payload) {
    }

    @Test
    void everyFixtureCaseIsServedWithItsStatusAndBody() throws Exception {
        List<Case> cases = cases();
        assertEquals(16, cases.size(), "cas DGFIP de la sandbox");
        for (Case c : cases) {
            String path = path(c);
            Response response = given().queryParams(query(c)).get(path);
            String body = response.asString();
            assertEquals(c.status(), response.statusCode(), c.file() + " → " + body);
            JsonNode actual = JSON.readTree(body);
            JsonNode expected = c.payload().deepCopy();
            if (c.status() == 200 && expected.path("data").has("document_url")) {
                assertDocument(actual.path("data"));
                for (String field : List.of("document_url", "expires_in", "document_url_expires_in")) {
                    ((ObjectNode) expected.get("data")).remove(field);
                    ((ObjectNode) actual.get("data")).remove(field);
                }
            }
            assertEquals(expected, actual, c.file());
            OpenApiContract.assertValid(path, c.status(), body);
        }
    }

    @Test
    void handCheckedChiffresAffairesByYear() {
        given().queryParam("year", "2023").get("/v3/dgfip/etablissements/13002526500001/chiffres_affaires")
                .then().statusCode(200)
                .body("data[0].data.chiffre_affaires", org.hamcrest.Matchers.equalTo(900001))
                .body("data[0].data.date_fin_exercice", org.hamcrest.Matchers.equalTo("2023-12-01"));
    }

    @Test
    void unknownIdentifierIs404WithDgfipCode() {
        String body = given().get("/v3/dgfip/unites_legales/123456789/attestation_fiscale")
                .then().statusCode(404).extract().asString();
        assertTrue(body.contains("\"03003\""), body);
        assertTrue(body.contains("DGFIP - Adélie"), body);
        OpenApiContract.assertValid("/v3/dgfip/unites_legales/123456789/attestation_fiscale", 404, body);
    }

    @Test
    void malformedIdentifiersAre422() {
        given().get("/v3/dgfip/unites_legales/12345/attestation_fiscale").then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("00301"))
                .body("errors[0].source.parameter", org.hamcrest.Matchers.equalTo("siren"));
        given().get("/v3/dgfip/etablissements/1300252650000/chiffres_affaires").then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("00302"));
        given().get("/v3/dgfip/unites_legales/306138900/liasses_fiscales/20x4").then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("00307"));
        given().get("/v3/dgfip/unites_legales/306138900/liasses_fiscales/2003").then().statusCode(422)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("00315"));
    }

    /** The document URL points to the gateway's file proxy and the PDF is in Redis with its TTL. */
    private void assertDocument(JsonNode data) throws Exception {
        String url = data.path("document_url").asText();
        assertTrue(url.startsWith("http://localhost:8080/proxy/files/"), url);
        String uuid = url.substring(url.lastIndexOf('/') + 1);
        long expiresIn = data.has("document_url_expires_in") ? data.get("document_url_expires_in").asLong()
                : data.get("expires_in").asLong();
        assertEquals(86400, expiresIn);
        byte[] stored = redis.value(byte[].class).get("guichet:file:" + uuid);
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("sandbox/attestation-fiscale-exemple.pdf")) {
            assertArrayEquals(in.readAllBytes(), stored);
        }
        long ttl = redis.key().ttl("guichet:file:" + uuid);
        assertTrue(ttl > 86000 && ttl <= 86400, "TTL " + ttl);
    }

    private static String path(Case c) {
        JsonNode p = c.params();
        return switch (c.operation()) {
            case "api_entreprise_v3_dgfip_attestations_fiscales" ->
                    "/v3/dgfip/unites_legales/" + p.get("siren").asText() + "/attestation_fiscale";
            case "api_entreprise_v4_dgfip_attestations_fiscales" ->
                    "/v4/dgfip/unites_legales/" + p.get("siren").asText() + "/attestation_fiscale";
            case "api_entreprise_v3_dgfip_chiffres_affaires" ->
                    "/v3/dgfip/etablissements/" + p.get("siret").asText() + "/chiffres_affaires";
            case "api_entreprise_v3_dgfip_liasses_fiscales" ->
                    "/v3/dgfip/unites_legales/" + p.get("siren").asText() + "/liasses_fiscales/" + p.get("year").asText();
            case "api_entreprise_v3_dgfip_liens_capitalistiques" ->
                    "/v3/dgfip/unites_legales/" + p.get("siren").asText() + "/liens_capitalistiques/" + p.get("year").asText();
            default -> throw new IllegalArgumentException(c.operation());
        };
    }

    private static java.util.Map<String, String> query(Case c) {
        java.util.Map<String, String> q = new java.util.HashMap<>(java.util.Map.of(
                "context", "Test", "object", "Test", "recipient", "13002526500013"));
        if (c.operation().endsWith("chiffres_affaires") && c.params().has("year")) {
            q.put("year", c.params().get("year").asText());
        }
        return q;
    }

    private static List<Case> cases() throws Exception {
        YAMLMapper yaml = new YAMLMapper();
        List<Case> cases = new ArrayList<>();
        ClassLoader cl = SandboxModeTest.class.getClassLoader();
        String index = new String(cl.getResourceAsStream("sandbox/payloads/index.txt").readAllBytes(), StandardCharsets.UTF_8);
        for (String file : index.strip().split("\n")) {
            JsonNode node = yaml.readTree(cl.getResourceAsStream("sandbox/payloads/" + file));
            cases.add(new Case(file.substring(0, file.indexOf('/')), file, node.get("params"), node.get("status").asInt(),
                    JSON.readTree(node.get("payload").asText())));
        }
        assertFalse(cases.isEmpty());
        return cases;
    }
}
