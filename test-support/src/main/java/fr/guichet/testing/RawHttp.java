package fr.guichet.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange written byte for byte on a socket, for what HTTP clients refuse to send (no
 * {@code Host}, raw bytes, control characters, oversized lines). The request must ask the server
 * to close the connection (or be one the server closes), since the answer is read to the end.
 */
public record RawHttp(int status, Map<String, String> headers, byte[] body) {

    /** Sends {@code request} (ISO-8859-1: one char, one byte) to the test instance. */
    public static RawHttp send(String request) throws Exception {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code request} as is to the test instance ({@code RestAssured.port}). */
    public static RawHttp send(byte[] request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    /** The value of header {@code name} (any case), several joined by {@code ", "}; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static RawHttp parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = all.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no HTTP answer: " + all);
        List<String> head = all.substring(0, end).lines().toList();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim(),
                    (a, b) -> a + ", " + b);
        }
        byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new RawHttp(Integer.parseInt(head.get(0).split(" ")[1]), headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int lineEnd = i;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            i = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
