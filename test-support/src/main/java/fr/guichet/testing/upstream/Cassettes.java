package fr.guichet.testing.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Entreprise's recorded upstream exchanges (VCR cassettes of datagouv/apistration), played
 * by WireMock: each recorded GET answers only the request it was recorded with (path and query).
 * For the provider modules' replay tests (they declare {@code wiremock-standalone} themselves).
 */
public final class Cassettes {

    private Cassettes() {
    }

    /** One recorded exchange, placeholders replaced. */
    public record Exchange(String method, String path, Map<String, String> query, Map<String, String> requestHeaders,
                           int status, String responseContentType, byte[] responseBody) {
    }

    /** The exchanges of a cassette on the test class path ({@code upstream/dgddi/valid_eori.yml}). */
    public static List<Exchange> load(String resource, Map<String, String> placeholders) {
        JsonNode root;
        try (InputStream in = Cassettes.class.getClassLoader().getResourceAsStream(resource)) {
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
            String uri = request.path("uri").asText();
            for (Map.Entry<String, String> p : placeholders.entrySet()) {
                uri = uri.replace(p.getKey(), p.getValue());
            }
            URI parsed = URI.create(uri);
            Map<String, String> query = new LinkedHashMap<>();
            if (parsed.getRawQuery() != null) {
                for (String pair : parsed.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().path(0).asText()));
            exchanges.add(new Exchange(request.path("method").asText().toUpperCase(), parsed.getRawPath(), query, headers,
                    response.path("status").path("code").asInt(),
                    response.path("headers").path("Content-Type").path(0).asText("application/json"),
                    body(response.path("body"), placeholders)));
        }
        return exchanges;
    }

    /** Stubs every (GET) exchange of the cassette on {@code server}; returns them. */
    public static List<Exchange> replay(WireMockServer server, String resource, Map<String, String> placeholders) {
        List<Exchange> exchanges = load(resource, placeholders);
        for (Exchange exchange : exchanges) {
            if (!"GET".equals(exchange.method())) {
                throw new IllegalStateException("Only GET exchanges are replayed here: " + resource);
            }
            MappingBuilder stub = get(urlPathEqualTo(exchange.path()));
            for (Map.Entry<String, String> q : exchange.query().entrySet()) {
                stub = stub.withQueryParam(q.getKey(), equalTo(q.getValue()));
            }
            server.stubFor(stub.willReturn(aResponse().withStatus(exchange.status())
                    .withHeader("Content-Type", exchange.responseContentType()).withBody(exchange.responseBody())));
        }
        return exchanges;
    }

    /** The response body, base64 decoded when VCR stored it so; placeholders replaced (the MI's XML names {@code <URL_MI>}). */
    private static byte[] body(JsonNode body, Map<String, String> placeholders) {
        String text = body.path("string").asText("");
        if ("ASCII-8BIT".equals(body.path("encoding").asText()) && looksBase64(text)) {
            byte[] decoded = Base64.getMimeDecoder().decode(text);
            Optional<String> utf8 = utf8(decoded);
            if (utf8.isEmpty()) {
                return decoded; // a PDF or an image: its bytes as recorded, no placeholder to replace
            }
            text = utf8.get();
        }
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            text = text.replace(p.getKey(), p.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes as UTF-8 text, or empty when they are not valid UTF-8 (a binary body). */
    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** VCR writes binary bodies as {@code !binary} base64; plain JSON bodies start with '{' or '['. */
    private static boolean looksBase64(String text) {
        String t = text.strip();
        return !t.isEmpty() && !t.startsWith("{") && !t.startsWith("[") && !t.startsWith("<");
    }
}
