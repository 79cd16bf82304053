package fr.guichet.registers.inpi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.provider.DocumentKeys;
import fr.guichet.registers.support.Calls;
import fr.guichet.registers.support.Cassettes;
import fr.guichet.registers.support.InpiLogin;
import fr.guichet.registers.support.ProductionProfile;
import fr.guichet.registers.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of INPI's actes et bilans, replayed from API Entreprise's recordings: the login
 * ({@code authenticate.yml}), the attachments list ({@code actes_bilans/valid_siren.yml}: 82
 * actes, 8 bilans) and the two downloads ({@code actes_download}, {@code bilans_download}); the
 * 5 most recent of each list (test setting) are downloaded, stored in Redis and linked through
 * the gateway's {@code /proxy/files}; the body is valid against the official OpenAPI.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ActesBilansReplayTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SIREN = "542065479";
    static final String PATH = "/v3/inpi/rne/unites_legales/open_data/" + SIREN + "/actes_bilans";
    static final String ATTACHMENTS = "/inpi/api/companies/" + SIREN + "/attachments";

    @Inject
    RedisDataSource redis;

    private String token;
    private Cassettes.Exchange acte;
    private Cassettes.Exchange bilan;

    @BeforeEach
    void recordedLoginAndDownloads() {
        token = InpiLogin.token(InpiLogin.stub());
        acte = Cassettes.load("inpi/cassettes/rne/actes_download/valid.yml", WireMockUpstreams.placeholders()).get(1);
        bilan = Cassettes.load("inpi/cassettes/rne/bilans_download/valid.yml", WireMockUpstreams.placeholders()).get(1);
        for (Cassettes.Exchange download : List.of(acte, bilan)) {
            String kind = download.uri().contains("/api/actes/") ? "actes" : "bilans";
            WireMockUpstreams.server().stubFor(get(urlMatching("/inpi/api/" + kind + "/[0-9a-f]+/download"))
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(aResponse().withStatus(download.status()).withHeader("Content-Type", download.responseContentType())
                            .withBody(download.responseBody())));
        }
    }

    private void attachments(int status, String body) {
        WireMockUpstreams.server().stubFor(get(urlEqualTo(ATTACHMENTS))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static Response call() {
        return given().queryParams(Calls.MANDATORY_PARAMS).get(PATH);
    }

    @Test
    void theMostRecentActesAndBilansAreDownloadedStoredAndConform() throws Exception {
        Cassettes.Exchange recorded = Cassettes.load("inpi/cassettes/rne/actes_bilans/valid_siren.yml",
                WireMockUpstreams.placeholders()).get(1);
        assertEquals(ATTACHMENTS, recorded.pathAndQuery(WireMockUpstreams.server().baseUrl()));
        attachments(recorded.status(), recorded.responseText());
        Response response = call();
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(PATH, 200, response.asString());
        JsonNode body = JSON.readTree(response.asString());
        JsonNode actes = body.at("/data/actes");
        JsonNode bilans = body.at("/data/bilans");
        assertEquals(5, actes.size());
        assertEquals(5, bilans.size());
        List<String> updates = new ArrayList<>();
        actes.forEach(a -> updates.add(a.get("date_mise_a_jour").asText()));
        assertEquals(updates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), updates, "plus récents d'abord");
        JsonNode first = bilans.get(0);
        assertEquals("6641688a7dc02975af0d8ca2", first.get("id").asText());
        assertEquals("CA_542065479_7803_1999B00360_2023_C", first.get("nom_document").asText());
        assertEquals("2023-12-31", first.get("date_cloture").asText());
        assertEquals("2024-05-13", first.get("date_mise_a_jour").asText());
        assertEquals("bilan complet", first.get("type").asText());
        assertStored(first.get("url").asText(), bilan.responseBody());
        assertStored(actes.get(0).get("url").asText(), acte.responseBody());
        WireMockUpstreams.server().verify(getRequestedFor(urlEqualTo(ATTACHMENTS))
                .withHeader("Authorization", equalTo("Bearer " + token))
                .withHeader("Content-Type", equalTo("application/json")));
        WireMockUpstreams.server().verify(5, getRequestedFor(urlMatching("/inpi/api/actes/.*/download"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
        WireMockUpstreams.server().verify(5, getRequestedFor(urlMatching("/inpi/api/bilans/.*/download")));
    }

    private void assertStored(String url, byte[] pdf) {
        assertTrue(url.startsWith("http://localhost:8080" + DocumentKeys.PROXY_PATH), url);
        String uuid = url.substring(url.lastIndexOf('/') + 1);
        assertArrayEquals(pdf, redis.value(byte[].class).get(DocumentKeys.key(uuid)));
        long ttl = redis.key().ttl(DocumentKeys.key(uuid));
        assertTrue(ttl > 86_000 && ttl <= 86_400, "TTL " + ttl);
    }

    @Test
    void typesOfActesAreCompactedAndDeletedDocumentsLeftOut() throws Exception {
        attachments(200, Cassettes.payload("inpi/payloads/rne/actes_bilans/valid.json"));
        Response response = call();
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(PATH, 200, response.asString());
        JsonNode types = JSON.readTree(response.asString()).at("/data/actes/0/types_actes");
        assertEquals("Statuts mis à jour", types.get(0).get("type_acte").asText());
        assertTrue(!types.get(0).has("type_decision"), types.toString());
        assertEquals("Modification(s) statutaire(s)", types.get(1).get("type_decision").asText());

        attachments(200, Cassettes.payload("inpi/payloads/rne/actes_bilans/actes_deleted.json"));
        JsonNode deleted = JSON.readTree(call().then().statusCode(200).extract().asString());
        assertEquals(0, deleted.at("/data/actes").size());
        assertEquals(1, deleted.at("/data/bilans").size());

        attachments(200, Cassettes.payload("inpi/payloads/rne/actes_bilans/without_bilans.json"));
        Response withoutBilans = call();
        OpenApiContract.assertValid(PATH, 200, withoutBilans.asString());
        assertEquals(0, JSON.readTree(withoutBilans.asString()).at("/data/bilans").size());
    }

    @Test
    void aDocumentAboveTheSizeLimitIsLeftOut() {
        attachments(200, "{\"actes\":[],\"bilans\":[{\"id\":\"abc123\",\"dateDepot\":\"2024-01-01\",\"typeBilan\":\"C\"}]}");
        WireMockUpstreams.server().stubFor(get(urlEqualTo("/inpi/api/bilans/abc123/download"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withBody(new byte[WireMockUpstreams.INPI_MAX_DOCUMENT_BYTES + 1])));
        call().then().statusCode(200).body("data.bilans", org.hamcrest.Matchers.empty());
    }

    @Test
    void inpisAnswersKeepApiEntreprisesCodes() {
        Cassettes.Exchange notFound = Cassettes.load("inpi/cassettes/rne/actes_bilans/not_found_siren.yml",
                WireMockUpstreams.placeholders()).get(1);
        attachments(notFound.status(), notFound.responseText());
        Response response = call();
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(PATH, 404, response.asString());
        response.then().body("errors[0].code", org.hamcrest.Matchers.equalTo("34003"))
                .body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("INPI - RNE"));
        attachments(200, "{}");
        call().then().statusCode(404).body("errors[0].code", org.hamcrest.Matchers.equalTo("34003"));
        attachments(200, "{\"actes\":[],\"bilans\":[]}");
        call().then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("34999"));
        attachments(500, "{}");
        call().then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("34000"));
        attachments(429, "{}");
        call().then().statusCode(429).body("errors[0].code", org.hamcrest.Matchers.equalTo("34008"));
        attachments(200, "<html>maintenance</html>");
        call().then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("34001"));
    }

    @Test
    void aFailedDownloadFailsTheCall() {
        attachments(200, Cassettes.payload("inpi/payloads/rne/actes_bilans/valid.json"));
        WireMockUpstreams.server().stubFor(get(urlMatching("/inpi/api/actes/.*/download"))
                .willReturn(aResponse().withStatus(500).withBody("{}")));
        call().then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("34999"));
    }
}
