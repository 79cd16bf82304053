package fr.guichet.registers.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.provider.DocumentKeys;
import fr.guichet.registers.support.Calls;
import io.quarkus.redis.datasource.RedisDataSource;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The actes et bilans case links INPI's sample bilan in {@code url} fields, which the kit's
 * SandboxDocuments rewrites as configured ({@code guichet.provider.sandbox-document-fields}): each
 * link becomes a gateway {@code /proxy/files/{uuid}} URL whose bytes, in the shared Redis, are the
 * sample's, for the configured lifetime.
 */
@QuarkusTest
class SandboxDocumentsTest {

    static final String PATH = "/v3/inpi/rne/unites_legales/open_data/130025265/actes_bilans";

    @Inject
    RedisDataSource redis;

    @Test
    void everyLinkOfTheCaseServesTheStoredSample() throws Exception {
        JsonPath body = given().queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(200).extract().jsonPath();
        List<String> urls = new java.util.ArrayList<>(body.getList("data.actes.url"));
        urls.addAll(body.getList("data.bilans.url"));
        assertEquals(4, urls.size());
        Set<String> distinct = new TreeSet<>(urls);
        assertEquals(4, distinct.size(), "une copie par lien : " + distinct);
        byte[] sample;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("sandbox/api_entreprise_v3_inpi_rne_actes_bilans/exemple-bilan-inpi.pdf")) {
            sample = in.readAllBytes();
        }
        for (String url : distinct) {
            assertTrue(url.startsWith("http://localhost:8080" + DocumentKeys.PROXY_PATH), url);
            String uuid = url.substring(url.lastIndexOf('/') + 1);
            assertArrayEquals(sample, redis.value(byte[].class).get(DocumentKeys.key(uuid)));
            long ttl = redis.key().ttl(DocumentKeys.key(uuid));
            assertTrue(ttl > 86_000 && ttl <= 86_400, "TTL " + ttl);
        }
    }

    @Test
    void twoCallsGetTwoDocuments() {
        String first = given().queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(200).extract().path("data.bilans[0].url");
        String second = given().queryParams(Calls.MANDATORY_PARAMS).get(PATH).then().statusCode(200).extract().path("data.bilans[0].url");
        assertTrue(!first.equals(second), first);
    }

    @Test
    void theNotFoundCaseIsServedAsItIs() {
        given().queryParams(Calls.MANDATORY_PARAMS).get("/v3/inpi/rne/unites_legales/open_data/754508695/actes_bilans")
                .then().statusCode(404)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("34003"));
        given().queryParams(Calls.MANDATORY_PARAMS).get("/v3/inpi/rne/unites_legales/open_data/418166096/actes_bilans")
                .then().statusCode(404)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("34003"));
    }
}
