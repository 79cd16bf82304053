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
import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
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

    record Case(String operation, String file, JsonNode params, int status, JsonNode payload, String origin) {
    }

    @Test
    void everyFixtureCaseIsServedWithItsStatusAndBody() throws Exception {
        List<Case> cases = cases();
        assertEquals(19, cases.size(), "cas DGFIP de la sandbox : 16 officiels et 3 ajouts Guichet");
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

    /** Guichet's additions for the chiffres d'affaires, whose official successes use a SIRET with a bad checksum. */
    @Test
    void handCheckedChiffresAffairesUnderChecksumValidSiret() {
        String path = "/v3/dgfip/etablissements/13002526500013/chiffres_affaires";
        for (String year : List.of("2022", "2023", "2024")) {
            String body = given().queryParams(java.util.Map.of("context", "Test", "object", "Test",
                            "recipient", "13002526500013", "year", year)).get(path)
                    .then().statusCode(200)
                    .body("data.size()", org.hamcrest.Matchers.equalTo(1))
                    .body("data[0].data.chiffre_affaires", org.hamcrest.Matchers.equalTo(900001))
                    .body("data[0].data.date_fin_exercice", org.hamcrest.Matchers.equalTo(year + "-12-01"))
                    .extract().asString();
            OpenApiContract.assertValid(path, 200, body);
        }
        // Without year (the public contract has none), the newest case answers, as for the official SIRET.
        given().get(path).then().statusCode(200)
                .body("data[0].data.date_fin_exercice", org.hamcrest.Matchers.equalTo("2024-12-01"));
        // The official cases are still served as they are.
        given().queryParam("year", "2022").get("/v3/dgfip/etablissements/13002526500001/chiffres_affaires")
                .then().statusCode(200)
                .body("data[0].data.date_fin_exercice", org.hamcrest.Matchers.equalTo("2022-12-01"));
    }

    /** Each Guichet case copies an official success: same status and body, only the identifiers changed. */
    @Test
    void guichetCasesAreOfficialSuccessesUnderValidIdentifiers() throws Exception {
        List<Case> guichet = cases().stream().filter(c -> c.file().startsWith("guichet/")).toList();
        assertEquals(List.of("guichet/api_entreprise_v3_dgfip_chiffres_affaires/200-2022.yaml",
                "guichet/api_entreprise_v3_dgfip_chiffres_affaires/200-2023.yaml",
                "guichet/api_entreprise_v3_dgfip_chiffres_affaires/200-2024.yaml"),
                guichet.stream().map(Case::file).toList());
        for (Case c : guichet) {
            assertTrue(validIdentifiers(c.params()), c.file());
            Case official = load("sandbox/payloads/", c.origin(), "");
            assertEquals(200, official.status(), c.origin());
            assertEquals(official.status(), c.status(), c.file());
            assertFalse(validIdentifiers(official.params()), c.origin() + " : l'original passe déjà le checksum");
            String copied = c.payload().toString();
            for (String key : List.of("siren", "siret")) {
                if (c.params().has(key)) {
                    copied = copied.replace(c.params().get(key).asText(), official.params().get(key).asText());
                }
            }
            assertEquals(official.payload(), JSON.readTree(copied), c.file());
            ObjectNode otherParams = ((ObjectNode) c.params().deepCopy()).without(List.of("siren", "siret"));
            assertEquals(((ObjectNode) official.params().deepCopy()).without(List.of("siren", "siret")), otherParams);
        }
    }

    /** Through the gateway (which checks SIREN/SIRET checksums) every operation keeps a success case. */
    @Test
    void everyOperationHasASuccessCaseReachableThroughTheGateway() throws Exception {
        java.util.Set<String> reachable = new java.util.TreeSet<>();
        java.util.Set<String> operations = new java.util.TreeSet<>();
        for (Case c : cases()) {
            operations.add(c.operation());
            if (c.status() == 200 && validIdentifiers(c.params())) {
                reachable.add(c.operation());
            }
        }
        assertEquals(5, operations.size());
        assertEquals(operations, reachable);
    }

    private static boolean validIdentifiers(JsonNode params) {
        boolean valid = true;
        if (params.has("siren")) {
            valid = Siren.isValid(params.get("siren").asText());
        }
        if (params.has("siret")) {
            valid &= Siret.isValid(params.get("siret").asText());
        }
        return valid;
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

    /** The official cases, then Guichet's (file names prefixed with {@code guichet/}). */
    private static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String file : index("sandbox/payloads/")) {
            cases.add(load("sandbox/payloads/", file, ""));
        }
        for (String file : index("sandbox/guichet/")) {
            cases.add(load("sandbox/guichet/", file, "guichet/"));
        }
        assertFalse(cases.isEmpty());
        return cases;
    }

    private static List<String> index(String root) throws Exception {
        String index = new String(resource(root + "index.txt").readAllBytes(), StandardCharsets.UTF_8);
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Case load(String root, String file, String label) throws Exception {
        JsonNode node = new YAMLMapper().readTree(resource(root + file));
        return new Case(file.substring(0, file.indexOf('/')), label + file, node.get("params"), node.get("status").asInt(),
                JSON.readTree(node.get("payload").asText()), node.path("origin").asText(null));
    }

    private static InputStream resource(String path) {
        InputStream in = SandboxModeTest.class.getClassLoader().getResourceAsStream(path);
        assertTrue(in != null, path);
        return in;
    }
}
