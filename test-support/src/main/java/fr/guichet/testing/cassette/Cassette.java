package fr.guichet.testing.cassette;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A VCR cassette of API Entreprise's reference implementation (recorded HTTP exchanges with an
 * upstream, {@code http_interactions}), read from the class path with its placeholders
 * ({@code <URL_CIBTP>}...) replaced by a test's values, for a provider's replay tests to stub
 * (WireMock) and to compare with what the adapter sends.
 */
public final class Cassette {

    private Cassette() {
    }

    /**
     * One recorded exchange.
     *
     * @param path  the request's raw path, without query
     * @param query the request's query parameters, decoded, in their order
     */
    public record Exchange(String method, String path, Map<String, String> query, String requestBody,
                           Map<String, String> requestHeaders, int status, Map<String, String> responseHeaders,
                           byte[] responseBody) {
    }

    /** The exchanges of the cassette {@code resource}, in recording order. */
    public static List<Exchange> load(String resource, Map<String, String> placeholders) {
        JsonNode root;
        try (InputStream in = Cassette.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing " + resource);
            }
            root = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Exchange> exchanges = new ArrayList<>();
        for (JsonNode interaction : root.path("http_interactions")) {
            JsonNode request = interaction.path("request");
            JsonNode response = interaction.path("response");
            URI uri = URI.create(replace(request.path("uri").asText(), placeholders));
            exchanges.add(new Exchange(request.path("method").asText().toUpperCase(), uri.getRawPath(), query(uri),
                    replace(request.path("body").path("string").asText(""), placeholders),
                    headers(request.path("headers")), response.path("status").path("code").asInt(),
                    headers(response.path("headers")), body(response.path("body"))));
        }
        return exchanges;
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> result = new LinkedHashMap<>();
        headers.fields().forEachRemaining(h -> result.put(h.getKey(), h.getValue().path(0).asText()));
        return result;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return result;
    }

    /** VCR writes binary bodies in base64: under a {@code !binary} tag ({@code encoding: ASCII-8BIT}), or as {@code base64_string}. */
    static byte[] body(JsonNode body) {
        JsonNode string = body.path("string");
        try {
            if (string.isBinary()) {
                return string.binaryValue();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Jackson reads the !binary scalar as its base64 text.
        if (body.has("base64_string") || "ASCII-8BIT".equals(body.path("encoding").asText())) {
            JsonNode base64 = body.has("base64_string") ? body.get("base64_string") : string;
            return Base64.getMimeDecoder().decode(base64.asText());
        }
        return string.asText("").getBytes(StandardCharsets.UTF_8);
    }

    private static String replace(String text, Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            result = result.replace(p.getKey(), p.getValue());
        }
        return result;
    }
}
