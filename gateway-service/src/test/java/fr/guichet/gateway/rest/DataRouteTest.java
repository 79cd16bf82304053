package fr.guichet.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.gateway.service.LocalJwks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Data calls, GET and HEAD, go through {@link DataRoute}, a plain Vert.x route: both answer the
 * same status and headers, GET with its body (HEAD's Content-Length: {@code HttpEdgeTest}). The HTTP
 * server metrics keep one URI series for every data call, whatever its method, never one per SIREN.
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
class DataRouteTest {

    static final String SIREN = "418166096";
    static final String DATA = "/v3/insee/sirene/unites_legales/" + SIREN
            + "?context=test&recipient=13002526500013&object=route";
    /** Headers that differ from one call to the next by nature. */
    static final Set<String> PER_CALL = Set.of("x-request-id", "ratelimit-remaining", "ratelimit-reset", "date",
            "content-length");

    static Map<String, String> headers(Response r) {
        return r.headers().asList().stream().filter(h -> !PER_CALL.contains(h.getName().toLowerCase()))
                .collect(Collectors.toMap(h -> h.getName().toLowerCase(), Header::getValue, (a, b) -> a + ", " + b, TreeMap::new));
    }

    @Test
    void getAndHeadAnswerTheSameStatusAndHeadersGetWithItsBody() throws Exception {
        String token = LocalJwks.token(List.of("unites_legales_etablissements_insee"));
        for (String auth : List.of("Bearer " + token, "Bearer pas-un-jeton")) {
            Response get = given().header("Authorization", auth).get(DATA);
            Response head = given().header("Authorization", auth).head(DATA);
            assertEquals(head.statusCode(), get.statusCode(), auth);
            assertEquals(headers(head), headers(get), auth);
            assertTrue(get.asByteArray().length > 0, "GET carries the body");
            assertEquals(0, head.asByteArray().length, "HEAD carries none");
            assertTrue(get.contentType().startsWith("application/json"), get.contentType());
        }
    }

    @Test
    void theMetricsKeepOneUriForEveryDataCall() throws Exception {
        String token = LocalJwks.token(List.of("unites_legales_etablissements_insee"));
        given().header("Authorization", "Bearer " + token).get(DATA);
        // Answers written without a route template: HEAD, 405 to other methods, OPTIONS.
        given().header("Authorization", "Bearer " + token).head(DATA);
        given().delete(DATA).then().statusCode(405);
        given().post(DATA).then().statusCode(405);
        given().options(DATA);
        String metrics = given().get("/q/metrics").asString();
        List<String> series = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList();
        assertTrue(series.stream().anyMatch(l -> l.contains("uri=\"" + DataRoute.URI_TEMPLATE + "\"")), series.toString());
        assertFalse(series.stream().anyMatch(l -> l.contains(SIREN)), series.toString());
    }
}
