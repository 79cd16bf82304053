package fr.guichet.registers.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * API Entreprise's recorded exchanges (VCR cassettes under {@code upstream/}, NOTICE there), their
 * placeholders replaced by the test's values.
 */
public final class Cassettes {

    private Cassettes() {
    }

    /** One recorded exchange. */
    public record Exchange(String method, String uri, String requestBody, Map<String, String> requestHeaders,
                           int status, String responseContentType, byte[] responseBody) {

        /** The path and query of the recorded URI, the placeholder base removed. */
        public String pathAndQuery(String base) {
            return uri.startsWith(base) ? uri.substring(base.length()) : uri.replaceFirst("^https?://[^/]+", "");
        }

        public String responseText() {
            return new String(responseBody, StandardCharsets.UTF_8);
        }
    }

    /** The exchanges of {@code upstream/<resource>}. */
    public static List<Exchange> load(String resource, Map<String, String> placeholders) {
        JsonNode root;
        try (InputStream in = resource("upstream/" + resource)) {
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (JsonNode interaction : root.path("http_interactions")) {
            JsonNode request = interaction.path("request");
            JsonNode response = interaction.path("response");
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().path(0).asText()));
            JsonNode contentType = response.path("headers").path("Content-Type");
            exchanges.add(new Exchange(request.path("method").asText().toUpperCase(),
                    replace(request.path("uri").asText(), placeholders),
                    replace(body(request.path("body")), placeholders),
                    headers,
                    response.path("status").path("code").asInt(),
                    contentType.isMissingNode() ? null : contentType.path(0).asText(),
                    body(response.path("body")).getBytes(StandardCharsets.ISO_8859_1.equals(charset(response)) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8)));
        }
        return exchanges;
    }

    /** A raw payload of {@code upstream/<resource>}. */
    public static String payload(String resource) {
        try (InputStream in = resource("upstream/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bodies recorded as {@code ASCII-8BIT} are base64 ({@code !binary}): decoded as ISO-8859-1 text, byte for byte. */
    private static String body(JsonNode body) {
        if (body.hasNonNull("base64_string")) {
            // VCR's binary bodies (the INPI PDFs): byte for byte, as ISO-8859-1 text.
            return new String(Base64.getMimeDecoder().decode(body.get("base64_string").asText()), StandardCharsets.ISO_8859_1);
        }
        String text = body.path("string").asText("");
        if ("ASCII-8BIT".equals(body.path("encoding").asText()) && text.matches("[A-Za-z0-9+/=\\s]+")) {
            return new String(Base64.getMimeDecoder().decode(text), StandardCharsets.ISO_8859_1);
        }
        return text;
    }

    private static java.nio.charset.Charset charset(JsonNode response) {
        return "ASCII-8BIT".equals(response.path("body").path("encoding").asText()) || response.path("body").has("base64_string")
                ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    }

    private static String replace(String text, Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            result = result.replace(p.getKey(), p.getValue());
        }
        return result;
    }

    private static InputStream resource(String path) {
        InputStream in = Cassettes.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("Missing test resource " + path);
        }
        return in;
    }
}
