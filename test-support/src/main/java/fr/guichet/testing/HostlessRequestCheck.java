package fr.guichet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every service answers an HTTP/1.1 request without {@code Host} (RFC 9112, section 3.2):
 * 400 {@code 00250} in the error model with the caller's {@code X-Request-ID}, its query (which
 * may carry a secret) in no log line ({@code common}'s {@code HostlessRequests}).
 */
public final class HostlessRequestCheck {

    private HostlessRequestCheck() {
    }

    /**
     * Sends {@code GET path?name=<secret>} without {@code Host} to the test instance and asserts the
     * refusal and that the secret was logged nowhere.
     */
    public static void assertRefusedAndUnlogged(String path, String name) throws Exception {
        assertRefusedAndUnlogged(path, name, "");
    }

    /**
     * The same with two {@code Host} lines (RFC 9112, section 3.2: also a 400), where Vert.x alone
     * would take the first.
     */
    public static void assertTwoHostsRefusedAndUnlogged(String path, String name) throws Exception {
        assertRefusedAndUnlogged(path, name, "Host: localhost\r\nHost: ailleurs.example\r\n");
    }

    private static void assertRefusedAndUnlogged(String path, String name, String hostLines) throws Exception {
        String secret = "secret-sans-host";
        try (LogCapture logs = LogCapture.start()) {
            RawHttp answer = RawHttp.send("GET " + path + "?" + name + "=" + secret + " HTTP/1.1\r\n" + hostLines
                    + "X-Request-ID: sans-host-1\r\nConnection: close\r\n\r\n");
            assertEquals(400, answer.status(), answer.text());
            assertTrue(answer.header("content-type").startsWith("application/json"), answer.header("content-type"));
            assertTrue(answer.text().contains("\"code\":\"00250\""), answer.text());
            assertTrue(answer.text().contains("Host"), answer.text());
            assertEquals("sans-host-1", answer.header("x-request-id"));
            for (String line : logs.lines()) {
                assertFalse(line.contains(secret), "logged: " + line);
            }
        }
    }
}
