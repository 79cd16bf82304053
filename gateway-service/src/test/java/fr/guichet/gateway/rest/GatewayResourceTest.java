package fr.guichet.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.trace.TraceJournal;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The HTTP surface that needs only Redis: routing errors, authentication refusals, files, OpenAPI, traces. */
@QuarkusTest
class GatewayResourceTest {

    @Inject
    RedisDataSource redis;
    @Inject
    TraceJournal journal;
    @Inject
    ObjectMapper mapper;

    @Test
    void unknownVersionIs404With00402() {
        given().when().get("/v2/insee/sirene/unites_legales/418166096")
                .then().statusCode(404).body("errors[0].code", equalTo("00402"))
                .header("X-Request-ID", notNullValue());
    }

    @Test
    void removedRouteIs410AndUnknownRouteIs404() {
        given().when().get("/v3/gip_mds/unites_legales/418166096/effectifs_mensuels/01/annee/2024")
                .then().statusCode(410);
        given().when().get("/v3/insee/sirene/nothing/here")
                .then().statusCode(404).body("errors[0].code", equalTo("00003"));
        given().when().get("/nowhere").then().statusCode(404).body("errors[0].code", equalTo("00003"));
    }

    @Test
    void noOrBadTokenIs401AndTheRefusalIsTraced() throws Exception {
        String requestId = "test-" + UUID.randomUUID();
        given().header("X-Request-ID", requestId)
                .queryParam("context", "c").queryParam("object", "o").queryParam("recipient", "13002526500013")
                .when().get("/v3/insee/sirene/unites_legales/418166096")
                .then().statusCode(401)
                .header("X-Request-ID", requestId)
                .header("RateLimit-Limit", "250")
                // refused before the quota was read: no remaining count or reset time is claimed
                .header("RateLimit-Remaining", org.hamcrest.Matchers.nullValue())
                .header("RateLimit-Reset", org.hamcrest.Matchers.nullValue())
                .body("errors[0].code", equalTo("00101"))
                .body("errors[0].source.parameter", equalTo("token"));
        given().header("Authorization", "Bearer not.a.jwt")
                .when().get("/v3/insee/sirene/unites_legales/418166096")
                .then().statusCode(401).body("errors[0].code", equalTo("00101"));
        given().header("X-Api-Key", "garbage")
                .when().get("/v4/insee/sirene/unites_legales/418166096")
                .then().statusCode(401);

        JsonNode event = journalEvent(requestId);
        assertEquals(401, event.get("status").asInt());
        assertEquals("00101", event.get("error_code").asText());
        assertEquals("api_entreprise_v3_insee_unites_legales", event.get("operation_id").asText());
        assertEquals("13002526500013", event.get("parameters").get("recipient").asText());
        assertEquals("418166096", event.get("parameters").get("siren").asText());
    }

    @Test
    void malformedParametersAreNever500() throws Exception {
        for (String target : List.of("/v3/insee/sirene/unites_legales/418166096?context=%zz&object=%&recipient=%E9",
                "/v3/insee/sirene/unites_legales/%zz", "/v3/insee/sirene/unites_legales/%E9%00")) {
            int status = rawGet(target);
            assertTrue(status >= 400 && status < 500, target + " answered " + status);
        }
    }

    /** HTTP clients refuse to send malformed URIs; callers on the internet do not. */
    static int rawGet(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    @Test
    void tokenInQueryIsNeverTraced() throws Exception {
        String requestId = "test-" + UUID.randomUUID();
        given().header("X-Request-ID", requestId).queryParam("token", "secret-token-value")
                .when().get("/v3/insee/sirene/unites_legales/418166096").then().statusCode(401);
        JsonNode event = journalEvent(requestId);
        assertTrue(!event.get("parameters").has("token"));
    }

    @Test
    void aPercentEncodedTokenNameIsNeverTraced() throws Exception {
        String requestId = "test-" + UUID.randomUUID();
        given().urlEncodingEnabled(false).header("X-Request-ID", requestId)
                .when().get("/v3/insee/sirene/unites_legales/418166096?context=c&%74oken=secret-token-value")
                .then().statusCode(401);
        JsonNode event = journalEvent(requestId);
        assertEquals("c", event.get("parameters").get("context").asText());
        assertTrue(!event.get("parameters").toString().contains("secret-token-value"));
    }

    @Test
    void moreThanSixtyFourParametersAre400AndTraced() throws Exception {
        StringBuilder query = new StringBuilder("context=c");
        for (int i = 0; i < 64; i++) {
            query.append("&p").append(i).append("=v");
        }
        String requestId = "test-" + UUID.randomUUID();
        given().urlEncodingEnabled(false).header("X-Request-ID", requestId)
                .when().get("/v3/insee/sirene/unites_legales/418166096?" + query)
                .then().statusCode(400).body("errors[0].code", equalTo("00250"));
        assertEquals(400, journalEvent(requestId).get("status").asInt());
    }

    @Test
    void oddUnauthenticatedCallsAreTracedBounded() throws Exception {
        String requestId = "test-" + UUID.randomUUID();
        given().header("X-Request-ID", requestId).header("User-Agent", "u".repeat(600))
                .when().get("/v3/" + "a".repeat(3800))
                .then().statusCode(404);
        JsonNode event = journalEvent(requestId);
        assertEquals(fr.guichet.gateway.trace.TraceRecorder.MAX_PATH, event.get("path").asText().length());
        assertEquals(fr.guichet.gateway.trace.TraceRecorder.MAX_USER_AGENT, event.get("user_agent").asText().length());
    }

    @Test
    void documentsAreServedFromRedisUntilTheyExpire() {
        String uuid = UUID.randomUUID().toString();
        byte[] pdf = "%PDF-1.4 attestation".getBytes(StandardCharsets.US_ASCII);
        redis.value(String.class, byte[].class).setex("guichet:file:" + uuid, 60, pdf);
        byte[] served = given().when().get("/proxy/files/" + uuid)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertArrayEquals(pdf, served);
        redis.key().del("guichet:file:" + uuid);
        given().when().get("/proxy/files/" + uuid)
                .then().statusCode(410).body("errors[0].code", equalTo("00403"));
        given().when().get("/proxy/files/not-a-uuid")
                .then().statusCode(410).body("errors[0].code", equalTo("00403"));
    }

    @Test
    void anImageDocumentIsServedAsAnImage() {
        // Qualifelec's certificates are JPEG pictures: served as application/pdf they would not open.
        String uuid = UUID.randomUUID().toString();
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
        redis.value(String.class, byte[].class).setex("guichet:file:" + uuid, 60, jpeg);
        given().when().get("/proxy/files/" + uuid)
                .then().statusCode(200).contentType("image/jpeg")
                .header("Content-Disposition", "attachment; filename=\"" + uuid + ".jpg\"");
        redis.key().del("guichet:file:" + uuid);
    }

    @Test
    void privilegesNeedAToken() {
        given().when().get("/privileges").then().statusCode(401).body("errors[0].code", equalTo("00101"));
    }

    @Test
    void openApiDescribesEveryServedPathAndEnsu() {
        Map<String, Object> paths = given().when().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/v3/insee/sirene/unites_legales/{siren}"))
                .body("paths", hasKey("/v4/urssaf/unites_legales/{siren}/attestation_vigilance"))
                .body("paths", hasKey("/v3/infogreffe/rcs/unites_legales/{siren}/extrait_kbis"))
                .body("paths", hasKey("/v3/dgfip/ensu/{famille}/unites_legales/{siren}/documents"))
                .body("paths", hasKey("/pings"))
                .extract().jsonPath().getMap("paths");
        List<String> undocumented = new fr.guichet.gateway.catalogue.RouteCatalogue().routes().stream()
                .map(fr.guichet.gateway.catalogue.Route::template).filter(t -> !paths.containsKey(t)).toList();
        assertTrue(undocumented.isEmpty(), "served but not in /openapi: " + undocumented);
        given().when().get("/swagger-ui/").then().statusCode(200);
    }

    @Test
    void pingOfAnUnreachableProviderIsBadGateway() {
        given().when().get("/ping/insee").then().statusCode(502).body("status", equalTo("bad_gateway"));
        given().when().get("/ping/nobody").then().statusCode(404);
        // API Entreprise's public names lead to the adapter serving their paths.
        given().when().get("/ping/urssaf/attestation_sociale").then().statusCode(502).body("status", equalTo("bad_gateway"));
        given().when().get("/ping/gip_mds").then().statusCode(502);
        given().when().get("/pings").then().statusCode(502)
                .body("keySet()", hasItems("insee", "dgfip", "acoss"))
                .body("insee.status", equalTo("bad_gateway"));
    }

    @Test
    void healthAndMetrics() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then()
                .body("checks.name", hasItem("redis"))
                .body("checks.find { it.name == 'redis' }.status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("guichet_gateway_journal_backlog_bytes"));
    }

    /** The journal holds the event before the response left: read it straight from disk. */
    private JsonNode journalEvent(String requestId) throws Exception {
        return fr.guichet.gateway.trace.JournalEvents.of(journal, mapper, requestId);
    }
}
