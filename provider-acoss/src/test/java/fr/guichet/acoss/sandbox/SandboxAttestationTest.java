package fr.guichet.acoss.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.acoss.support.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sandbox mode (the default): the API Entreprise cases, with the specimen PDF served through Redis. */
@QuarkusTest
class SandboxAttestationTest {

    static final String RECIPIENT = "13002526500013";
    static final String FILE_URL = "http://localhost:8080/proxy/files/([0-9a-f-]{36})";

    @Inject
    RedisDataSource redis;

    @Test
    void v3DeliversTheSpecimenThroughAProxyUrl() {
        String path = "/v3/urssaf/unites_legales/418166096/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(200)
                .body("data.document_url", matchesPattern(FILE_URL))
                .body("data.expires_in", equalTo(86400));
        assertStoredSpecimen(response.path("data.document_url"));
    }

    @Test
    void v3EntityOutOfScopeIs404WithUrssafErrors() {
        String path = "/v3/urssaf/unites_legales/000000000/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(404)
                .body("errors[0].code", equalTo("04003"))
                .body("errors[0].meta.provider", equalTo("ACOSS"))
                .body("errors[0].meta.provider_errors[0].code", equalTo("FUNC517"))
                .body("errors[0].meta.provider_errors[0].message", equalTo("Le Siren est inconnu"));
    }

    /** The official case (000000001) and Guichet's copy under a SIREN the gateway's checksum accepts. */
    @ParameterizedTest(name = "SIREN {0}")
    @ValueSource(strings = {"000000001", "418166096"})
    void v4DeliveredCarriesTheCaseFactsAndTheSpecimen(String siren) {
        String path = "/v4/urssaf/unites_legales/" + siren + "/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(200)
                .body("data.document_url", matchesPattern(FILE_URL))
                .body("data.document_url_expires_in", equalTo(86400))
                .body("data.date_debut_validite", equalTo("2023-01-31"))
                .body("data.date_fin_validite", equalTo("2023-07-31"))
                .body("data.code_securite", equalTo("YAB458G1B2T8IZW"))
                .body("data.entity_status.code", equalTo("ok"))
                .body("data.entity_status.libelle", equalTo("Attestation délivrée par l'Urssaf"))
                .body("data.keySet()", containsInAnyOrder("document_url", "document_url_expires_in",
                        "date_debut_validite", "date_fin_validite", "code_securite", "entity_status"));
        assertStoredSpecimen(response.path("data.document_url"));
    }

    /** The official case (000000002) and Guichet's copy under DINUM's SIREN. */
    @ParameterizedTest(name = "SIREN {0}")
    @ValueSource(strings = {"000000002", "130025265"})
    void v4RefusedHasNoDocument(String siren) {
        String path = "/v4/urssaf/unites_legales/" + siren + "/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(200)
                .body("data.document_url", nullValue())
                .body("data.document_url_expires_in", nullValue())
                .body("data.date_debut_validite", nullValue())
                .body("data.date_fin_validite", nullValue())
                .body("data.code_securite", nullValue())
                .body("data.entity_status.code", equalTo("refus_de_delivrance"))
                .body("data.entity_status.libelle", equalTo("Délivrance de l'attestation refusée par l'Urssaf"));
    }

    @Test
    void v4EntityOutOfScopeIs404() {
        String path = "/v4/urssaf/unites_legales/440752244/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(404)
                .body("errors[0].code", equalTo("04003"))
                .body("errors[0].meta.provider_errors[0].code", equalTo("FUNC517"));
    }

    @Test
    void aSirenWithoutSandboxCaseIs404WithAnExplanation() {
        // 418166096 has a Guichet case since v4 got checksum-valid cases; 552032534 has none.
        String path = "/v4/urssaf/unites_legales/552032534/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(404)
                .body("errors[0].code", equalTo("04003"))
                .body("errors[0].detail", matchesPattern(".*bac à sable.*"))
                // where the calls the sandbox answers are published: the gateway's catalogue
                .body("errors[0].detail", endsWith("http://localhost:8080/sandbox"));
    }

    @Test
    void malformedSirenAndMissingRecipientAre422() {
        String path = "/v4/urssaf/unites_legales/41816609/attestation_vigilance";
        Response response = call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(422)
                .body("errors[0].code", equalTo("00301"))
                .body("errors[0].source.parameter", equalTo("siren"));

        given().get("/v3/urssaf/unites_legales/418166096/attestation_vigilance").then().statusCode(422)
                .body("errors[0].code", equalTo("00203"))
                .body("errors[0].detail", equalTo("Le paramètre recipient est obligatoire"));
    }

    private void assertStoredSpecimen(String url) {
        String id = url.substring(url.lastIndexOf('/') + 1);
        String key = "guichet:file:" + id;
        byte[] stored = redis.value(byte[].class).get(key);
        assertArrayEquals(specimen(), stored);
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > 86_000 && ttl <= 86_400, "TTL " + ttl);
    }

    static Response call(String path) {
        return given().queryParam("recipient", RECIPIENT).queryParam("context", "Test")
                .queryParam("object", "Test").get(path);
    }

    private static byte[] specimen() {
        try (InputStream in = SandboxAttestationTest.class.getClassLoader().getResourceAsStream(
                "sandbox/payloads/api_entreprise_v4_acoss_attestations_sociales/attestation_vigilance_test.pdf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
