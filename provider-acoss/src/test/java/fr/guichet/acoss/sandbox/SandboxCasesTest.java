package fr.guichet.acoss.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fr.guichet.acoss.support.OpenApiContract;
import fr.guichet.common.identifier.Siren;
import fr.guichet.common.identifier.Siret;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every sandbox case, the official ones and Guichet's additions ({@code sandbox/guichet/}), is
 * served with its status and body, conform to the OpenAPI; Guichet's are official successes whose
 * only change is an identifier the gateway's checksum accepts.
 */
@QuarkusTest
class SandboxCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> IDENTIFIERS = List.of("siren", "siret");
    /** The copied official cases, then Guichet's (guichet.provider.sandbox-roots). */
    static final String ROOT = "sandbox/payloads/";
    static final String GUICHET_ROOT = "sandbox/guichet/";

    record Case(String operation, String file, JsonNode params, int status, JsonNode payload, String origin) {
    }

    @Test
    void everyCaseIsServedWithItsStatusAndBody() throws Exception {
        List<Case> cases = cases();
        assertEquals(15, cases.size(), "cas ACOSS/GIP-MDS de la sandbox : 13 officiels et 2 ajouts Guichet");
        for (Case c : cases) {
            String path = path(c);
            Response response = given().queryParams(query(c)).get(path);
            String body = response.asString();
            assertEquals(c.status(), response.statusCode(), c.file() + " → " + body);
            JsonNode actual = JSON.readTree(body);
            JsonNode expected = c.payload().deepCopy();
            if (c.status() == 200 && expected.path("data").hasNonNull("document_url")) {
                // The document is Guichet's stored specimen (checked in SandboxAttestationTest).
                for (String field : List.of("document_url", "expires_in", "document_url_expires_in")) {
                    assertTrue(actual.path("data").hasNonNull(field) || !expected.path("data").has(field), field);
                    ((ObjectNode) expected.get("data")).remove(field);
                    ((ObjectNode) actual.get("data")).remove(field);
                }
            }
            assertEquals(expected, actual, c.file());
            OpenApiContract.conforms(path, response);
        }
    }

    @Test
    void guichetCasesAreOfficialSuccessesUnderValidIdentifiers() throws Exception {
        List<Case> guichet = cases().stream().filter(c -> c.file().startsWith("guichet/")).toList();
        assertEquals(List.of("guichet/api_entreprise_v4_acoss_attestations_sociales/attestation_delivree.yaml",
                "guichet/api_entreprise_v4_acoss_attestations_sociales/attestation_non_delivree.yaml"),
                guichet.stream().map(Case::file).toList());
        for (Case c : guichet) {
            assertTrue(validIdentifiers(c.params()), c.file());
            assertNotNull(c.origin(), c.file());
            Case official = load(ROOT, c.origin(), "");
            assertEquals(200, official.status(), c.origin());
            assertEquals(official.status(), c.status(), c.file());
            assertFalse(validIdentifiers(official.params()), c.origin() + " : l'original passe déjà le checksum");
            String copied = c.payload().toString();
            for (String key : IDENTIFIERS) {
                if (c.params().has(key)) {
                    copied = copied.replace(c.params().get(key).asText(), official.params().get(key).asText());
                }
            }
            assertEquals(official.payload(), JSON.readTree(copied), c.file());
            assertEquals(((ObjectNode) official.params().deepCopy()).without(IDENTIFIERS),
                    ((ObjectNode) c.params().deepCopy()).without(IDENTIFIERS), c.file());
        }
    }

    /** The gateway checks SIREN/SIRET checksums first: every operation keeps a success case it can reach. */
    @Test
    void everyOperationHasASuccessCaseReachableThroughTheGateway() throws Exception {
        Set<String> operations = new TreeSet<>();
        Set<String> reachable = new TreeSet<>();
        for (Case c : cases()) {
            operations.add(c.operation());
            if (c.status() == 200 && validIdentifiers(c.params())) {
                reachable.add(c.operation());
            }
        }
        assertEquals(4, operations.size());
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

    private static String path(Case c) {
        JsonNode p = c.params();
        return switch (c.operation()) {
            case "api_entreprise_v3_acoss_attestations_sociales" ->
                    "/v3/urssaf/unites_legales/" + p.get("siren").asText() + "/attestation_vigilance";
            case "api_entreprise_v4_acoss_attestations_sociales" ->
                    "/v4/urssaf/unites_legales/" + p.get("siren").asText() + "/attestation_vigilance";
            case "api_entreprise_v3_gip_mds_effectifs_annuels_entreprise" ->
                    "/v3/gip_mds/unites_legales/" + p.get("siren").asText() + "/effectifs_annuels/" + p.get("year").asText();
            case "api_entreprise_v3_gip_mds_effectifs_mensuels_etablissement" ->
                    "/v3/gip_mds/etablissements/" + p.get("siret").asText() + "/effectifs_mensuels/"
                            + p.get("month").asText() + "/annee/" + p.get("year").asText();
            default -> throw new IllegalArgumentException(c.operation());
        };
    }

    private static Map<String, String> query(Case c) {
        Map<String, String> q = new HashMap<>(Map.of("context", "Test", "object", "Test",
                "recipient", SandboxAttestationTest.RECIPIENT));
        for (String optional : List.of("nature_effectif", "profondeur")) {
            if (c.params().has(optional)) {
                q.put(optional, c.params().get(optional).asText());
            }
        }
        return q;
    }

    /** The official cases, then Guichet's (file names prefixed with {@code guichet/}). */
    private static List<Case> cases() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (String file : index(ROOT)) {
            cases.add(load(ROOT, file, ""));
        }
        for (String file : index(GUICHET_ROOT)) {
            cases.add(load(GUICHET_ROOT, file, "guichet/"));
        }
        return cases;
    }

    private static List<String> index(String root) throws Exception {
        try (InputStream in = resource(root + "index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static Case load(String root, String file, String label) throws Exception {
        try (InputStream in = resource(root + file)) {
            JsonNode node = new YAMLMapper().readTree(in);
            return new Case(file.substring(0, file.indexOf('/')), label + file, node.get("params"),
                    node.get("status").asInt(), JSON.readTree(node.get("payload").asText()),
                    node.path("origin").asText(null));
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SandboxCasesTest.class.getClassLoader().getResourceAsStream(path);
        assertNotNull(in, path);
        return in;
    }
}
