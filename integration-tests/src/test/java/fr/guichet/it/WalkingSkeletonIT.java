package fr.guichet.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One call through every hop, all real: token-service issues an ES256 token, the gateway verifies it
 * against the JWKS, checks scope and parameters, calls provider-insee in sandbox mode, and the trace
 * of the call lands in trace-service's PostgreSQL.
 */
@SharedStack.Uses
class WalkingSkeletonIT {

    static final String SIREN = "552049447";
    static final String RECIPIENT = "13002526500013";
    static final String PATH = "/v3/insee/sirene/unites_legales/" + SIREN;
    static final String INSEE_SCOPE = "unites_legales_etablissements_insee";

    static GuichetStack stack;
    static IssuedToken token;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void startSuite() {
        stack = SharedStack.get();
        token = stack.issueToken(List.of(INSEE_SCOPE), 250);
    }

    @Test
    void callReturnsTheSandboxFixtureAndIsTraced() throws Exception {
        Response response = given()
                .baseUri(stack.url(Service.GATEWAY))
                .header("Authorization", "Bearer " + token.token())
                .queryParam("context", "Contrôle des aides publiques")
                .queryParam("object", "Dossier 2026-001")
                .queryParam("recipient", RECIPIENT)
                .when().get(PATH);
        response.then()
                .statusCode(200)
                .contentType("application/json")
                .header("X-Request-ID", org.hamcrest.Matchers.notNullValue())
                .body("data.siren", equalTo(SIREN))
                .body("data.personne_morale_attributs.raison_sociale", equalTo("SOCIETE NATIONALE SNCF"))
                .body("data.siret_siege_social", equalTo("55204944776279"))
                .body("data.activite_principale.code", equalTo("49.10Z"))
                .body("meta.date_derniere_mise_a_jour", equalTo(1673478000));

        // The body is the fixture's (sandbox mode is API Entreprise's staging), its links pointing at
        // this gateway (no public base URL configured here: paths on the gateway) instead of API Entreprise.
        JsonNode fixture = Fixtures.payload("api_entreprise_v3_insee_unites_legales", SIREN);
        String expected = JSON.writeValueAsString(fixture).replace("\"https://entreprise.api.gouv.fr/", "\"/");
        assertTrue(fixture.path("links").toString().contains("https://entreprise.api.gouv.fr/"), "the fixture links upstream");
        assertEquals(JSON.readTree(expected), JSON.readTree(response.asString()));

        String requestId = response.header("X-Request-ID");
        JsonNode trace = awaitTrace(requestId);
        assertEquals(200, trace.get("status").asInt());
        assertEquals("api_entreprise_v3_insee_unites_legales", trace.get("operation_id").asText());
        assertEquals(token.siret(), trace.get("partner_siret").asText());
        assertEquals(RECIPIENT, trace.get("parameters").get("recipient").asText());
        assertEquals(PATH, trace.get("path").asText());
    }

    @Test
    void noTokenIs401() {
        given().baseUri(stack.url(Service.GATEWAY))
                .queryParam("context", "c").queryParam("object", "o").queryParam("recipient", RECIPIENT)
                .when().get(PATH)
                .then().statusCode(401)
                .body("errors.code", hasItem("00101"));
    }

    @Test
    void tokenWithoutTheScopeIs403() {
        IssuedToken other = stack.issueToken(List.of("attestation_fiscale_dgfip"), 250);
        given().baseUri(stack.url(Service.GATEWAY))
                .header("Authorization", "Bearer " + other.token())
                .queryParam("context", "c").queryParam("object", "o").queryParam("recipient", RECIPIENT)
                .when().get(PATH)
                .then().statusCode(403)
                .body("errors.code", hasItem("00100"));
    }

    @Test
    void missingRecipientIs422() {
        given().baseUri(stack.url(Service.GATEWAY))
                .header("Authorization", "Bearer " + token.token())
                .queryParam("context", "c").queryParam("object", "o")
                .when().get(PATH)
                .then().statusCode(422)
                .body("errors.code", hasItem("00203"))
                .body("errors[0].title", equalTo("Entité non traitable"));
    }

    /** The gateway ships traces in the background: poll trace-service until the event is there. */
    private static JsonNode awaitTrace(String requestId) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                ("token-service:" + stack.tokenTraceSecret).getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String body = given().baseUri(stack.url(Service.TRACE))
                    .header("Authorization", "Basic " + basic)
                    .queryParam("limit", 50)
                    .when().get("/tokens/" + token.jti() + "/requests")
                    .then().statusCode(200).extract().asString();
            for (JsonNode event : JSON.readTree(body).get("data")) {
                if (requestId.equals(event.path("request_id").asText())) {
                    return event;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No trace for request " + requestId + " in trace-service after 30 s");
    }

    @Test
    void jwksServesTheSigningKey() {
        given().baseUri(stack.url(Service.TOKEN)).when().get("/.well-known/jwks.json")
                .then().statusCode(200)
                .body("keys[0].kty", equalTo("EC"))
                .body("keys[0].crv", equalTo("P-256"));
        String header = new String(Base64.getUrlDecoder().decode(token.token().split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("ES256"), header);
    }
}
