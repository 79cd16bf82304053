package fr.guichet.trace.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** 405, 413 and 415 leave trace-service titled as such, in the API error model (once a bare status). */
@QuarkusTest
class HttpRefusalsTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void aMethodTheRouteDoesNotServeIs405TitledSo() {
        given().when().delete("/traces").then().statusCode(405).contentType("application/json")
                .body("errors[0].code", equalTo("00261"))
                .body("errors[0].title", equalTo("Méthode non autorisée"));
    }

    @Test
    void aBodyOfAnotherTypeIs415TitledSo() {
        given().contentType("text/csv").body("a,b").when().post("/traces").then().statusCode(415)
                .contentType("application/json")
                .body("errors[0].title", equalTo("Type de contenu non pris en charge"))
                .body("errors[0].source.header", equalTo("Content-Type"));
    }

    /**
     * A body declared larger than quarkus.http.limits.max-body-size (32M) is refused before it is
     * read: only the request head is sent, as a client does before its body.
     */
    @Test
    void aBodyDeclaredLargerThanTheLimitIs413InTheErrorModel() throws Exception {
        String answer;
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /traces HTTP/1.1\r\nHost: " + root.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + (33L * 1024 * 1024) + "\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The connection is closed after the answer: read to its end.
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
        JsonNode error = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4)).path("errors").path(0);
        assertEquals("00261", error.path("code").asText(), answer);
        assertEquals("Corps de requête trop volumineux", error.path("title").asText(), answer);
        assertEquals("Le corps de la requête dépasse la taille admise (32 Mio) ; envoyez les événements en plusieurs lots.",
                error.path("detail").asText(), answer);
        assertEquals("Content-Length", error.path("source").path("header").asText(), answer);
        assertEquals(32L * 1024 * 1024, error.path("meta").path("max_body_size").asLong(), answer);
    }
}
