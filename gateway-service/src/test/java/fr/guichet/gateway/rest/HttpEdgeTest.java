package fr.guichet.gateway.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.service.LocalJwks;
import fr.guichet.gateway.trace.JournalEvents;
import fr.guichet.gateway.trace.TraceJournal;
import fr.guichet.testing.LogCapture;
import fr.guichet.testing.RawHttp;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The edges of HTTP that clients rarely reach and testers do: a request without {@code Host}, what
 * the HTTP codec refuses, a method the route does not serve, HEAD, raw bytes in the query. Every
 * refusal is in the API's error model with an {@code X-Request-ID}, and nothing of a refused
 * request's query (which may carry a token or a recipient) reaches the logs.
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
class HttpEdgeTest {

    static final String DATA = "/v3/insee/sirene/unites_legales/130025265";
    static final String QUERY = "context=x&recipient=13002526500013&object=y";

    @Inject
    TraceJournal journal;
    @Inject
    ObjectMapper mapper;

    LogCapture logs;

    @BeforeEach
    void captureLogs() {
        logs = LogCapture.start();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    /** Asserts a refusal in the API's error model; returns its first error. */
    JsonNode assertError(RawHttp answer, int status, String code, String what) throws Exception {
        assertEquals(status, answer.status(), what + ": " + answer.text());
        assertNotNull(answer.header("content-type"), what);
        assertTrue(answer.header("content-type").startsWith("application/json"), what + ": " + answer.header("content-type"));
        JsonNode errors = mapper.readTree(answer.body()).path("errors");
        assertEquals(1, errors.size(), what + ": " + answer.text());
        assertEquals(code, errors.get(0).path("code").asText(), what);
        assertFalse(errors.get(0).path("title").asText().isBlank(), what);
        assertFalse(errors.get(0).path("detail").asText().isBlank(), what);
        assertNotNull(answer.header("x-request-id"), what + ": no X-Request-ID " + answer.headers());
        return errors.get(0);
    }

    @Test
    void anHttp11CallWithoutHostIs400In00250AndItsQueryIsNeverLogged() throws Exception {
        String request = "GET " + DATA + "?" + QUERY + "&token=jeton-secret-sans-host HTTP/1.1\r\n"
                + "Authorization: Bearer abc-secret-sans-host\r\nX-Request-ID: sans-host-1\r\nConnection: close\r\n\r\n";
        RawHttp answer = RawHttp.send(request);
        JsonNode error = assertError(answer, 400, "00250", "no Host");
        assertEquals("Requête mal formée", error.path("title").asText());
        assertTrue(error.path("detail").asText().contains("Host"), error.toString());
        assertEquals("sans-host-1", answer.header("x-request-id"));
        // Also on a platform route. (An empty Host is valid: RFC 9112, section 3.2.)
        assertError(RawHttp.send("GET /privileges?token=jeton-secret-sans-host HTTP/1.1\r\nConnection: close\r\n\r\n"),
                400, "00250", "no Host, /privileges");
        for (String line : logs.lines()) {
            for (String secret : List.of("jeton-secret-sans-host", "abc-secret-sans-host", "13002526500013", "recipient")) {
                assertFalse(line.contains(secret), "logged: " + line);
            }
        }
        // HTTP/1.0 has no Host requirement: such a call is served as any other.
        RawHttp old = RawHttp.send("GET " + DATA + "?" + QUERY + " HTTP/1.0\r\n\r\n");
        assertNotEquals(400, old.status(), old.text());
    }

    @Test
    void aCallWithTwoHostsIs400In00250BeforeAnyCheck() throws Exception {
        // RFC 9112, section 3.2: more than one Host line is a 400; Vert.x alone would take the first
        RawHttp answer = RawHttp.send("GET " + DATA + "?" + QUERY + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Host: ailleurs.example\r\nAuthorization: Bearer abc-secret-deux-hosts\r\nConnection: close\r\n\r\n");
        JsonNode error = assertError(answer, 400, "00250", "two Hosts");
        assertTrue(error.path("detail").asText().contains("plusieurs en-têtes Host"), error.toString());
        for (String line : logs.lines()) {
            assertFalse(line.contains("abc-secret-deux-hosts"), "logged: " + line);
        }
    }

    @Test
    void a405NamesTheMethodsTheRouteServesInAllow() {
        // The same methods as the REST layer's answer to OPTIONS on the same path.
        Set<String> served = allowed(given().when().options(DATA + "?" + QUERY).header("Allow"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), served);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            Response answer = given().when().request(method, DATA + "?" + QUERY);
            assertEquals(405, answer.statusCode(), method);
            assertEquals(served, allowed(answer.header("Allow")), method + ": " + answer.headers());
            assertEquals("00503", answer.jsonPath().getString("errors[0].code"), method);
            assertEquals(List.of("GET", "HEAD", "OPTIONS"), answer.jsonPath().getList("errors[0].meta.allowed_methods"), method);
        }
        Response pings = given().when().delete("/pings");
        assertEquals(405, pings.statusCode());
        assertEquals(allowed(given().when().options("/pings").header("Allow")), allowed(pings.header("Allow")));
    }

    private static Set<String> allowed(String header) {
        assertNotNull(header, "no Allow header");
        return Set.of(header.split("\\s*,\\s*"));
    }

    @Test
    void headAnswersAsGetWithItsContentLengthAndIsTracedAsHead() throws Exception {
        String token = LocalJwks.token(List.of("unites_legales_etablissements_insee"));
        for (String auth : List.of("", "Authorization: Bearer " + token + "\r\n", "Authorization: Bearer pas-un-jeton\r\n")) {
            String getId = "get-" + UUID.randomUUID();
            String headId = "head-" + UUID.randomUUID();
            RawHttp get = RawHttp.send("GET " + DATA + "?" + QUERY + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "X-Request-ID: " + getId + "\r\nConnection: close\r\n\r\n");
            RawHttp head = RawHttp.send("HEAD " + DATA + "?" + QUERY + " HTTP/1.1\r\nHost: localhost\r\n" + auth
                    + "X-Request-ID: " + headId + "\r\nConnection: close\r\n\r\n");
            assertEquals(get.status(), head.status(), auth);
            assertEquals(0, head.body().length, "HEAD carries no body");
            assertNotNull(get.header("content-length"), get.headers().toString());
            assertEquals(String.valueOf(get.body().length), get.header("content-length"));
            // The length GET sends: same status, same error, same size (the request ids have the same length).
            assertEquals(get.header("content-length"), head.header("content-length"), auth + head.headers());
            assertEquals(get.header("content-type"), head.header("content-type"));
            assertEquals(headId, head.header("x-request-id"));
            assertEquals("HEAD", JournalEvents.of(journal, mapper, headId).path("method").asText());
            assertEquals("GET", JournalEvents.of(journal, mapper, getId).path("method").asText());
        }
    }

    @Test
    void rawBytesThatAreNotUtf8InTheQueryAre400With00250() throws Exception {
        String token = LocalJwks.token(List.of("unites_legales_etablissements_insee"));
        for (byte[] value : List.of(new byte[] {(byte) 0xFF}, new byte[] {'a', (byte) 0xE9, 'b'}, new byte[] {(byte) 0xC3},
                "%FF".getBytes(StandardCharsets.US_ASCII), "%C3%28".getBytes(StandardCharsets.US_ASCII))) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("GET " + DATA + "?context=x&recipient=13002526500013&object=").getBytes(StandardCharsets.US_ASCII));
            request.write(value);
            request.write((" HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            JsonNode error = assertError(RawHttp.send(request.toByteArray()), 400, "00250", new String(value, StandardCharsets.ISO_8859_1));
            assertEquals("Requête mal formée", error.path("title").asText());
        }
    }

    @Test
    void rawBytesThatAreNotUtf8InThePathAre400With00250() throws Exception {
        String token = LocalJwks.token(List.of("unites_legales_etablissements_insee"));
        int slash = DATA.lastIndexOf('/');
        for (byte[] segment : List.of(new byte[] {'4', '1', '8', (byte) 0xFF}, new byte[] {(byte) 0xE9, '1'})) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(("GET " + DATA.substring(0, slash + 1)).getBytes(StandardCharsets.US_ASCII));
            request.write(segment);
            request.write(("?" + QUERY + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            JsonNode error = assertError(RawHttp.send(request.toByteArray()), 400, "00250", new String(segment, StandardCharsets.ISO_8859_1));
            assertTrue(error.path("detail").asText().contains("chemin"), error.toString());
        }
        // UTF-8 sent raw is read as UTF-8: a SIREN of other characters is then the route's own 422
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(("GET " + DATA.substring(0, slash + 1)).getBytes(StandardCharsets.US_ASCII));
        request.write("41816609é".getBytes(StandardCharsets.UTF_8));
        request.write(("?" + QUERY + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(422, RawHttp.send(request.toByteArray()).status());
    }
}
