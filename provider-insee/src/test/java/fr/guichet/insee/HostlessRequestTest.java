package fr.guichet.insee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.testing.LogCapture;
import fr.guichet.testing.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * An HTTP/1.1 request without {@code Host} (RFC 9112, section 3.2) is refused in the error model
 * ({@code common}'s {@code HostlessRequests}), and its query, which may carry a secret, reaches no
 * log (Quarkus's error page logged the request line at ERROR).
 */
@QuarkusTest
class HostlessRequestTest {

    @Test
    void anHttp11RequestWithoutHostIs400In00250AndItsQueryIsNeverLogged() throws Exception {
        try (LogCapture logs = LogCapture.start()) {
            RawHttp answer = RawHttp.send("GET /q/health/live?secret=secret-sans-host HTTP/1.1\r\n"
                    + "X-Request-ID: sans-host-1\r\nConnection: close\r\n\r\n");
            assertEquals(400, answer.status(), answer.text());
            assertTrue(answer.header("content-type").startsWith("application/json"), answer.header("content-type"));
            assertTrue(answer.text().contains("\"code\":\"00250\""), answer.text());
            assertTrue(answer.text().contains("Host"), answer.text());
            assertEquals("sans-host-1", answer.header("x-request-id"));
            for (String line : logs.lines()) {
                assertFalse(line.contains("secret-sans-host"), "logged: " + line);
            }
        }
    }
}
