package fr.guichet.certifications.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
import java.util.Set;

/**
 * Recorded upstream exchanges (API Entreprise's VCR cassettes, copied under {@code upstream/}),
 * replayed by WireMock: each recorded request becomes a stub matching only the same method, path,
 * query parameters and credential headers, the placeholders of the recording replaced by test values.
 */
public final class Cassettes {

    /** The recorded headers that carry a credential: the adapter must send them as recorded. */
    static final Set<String> CREDENTIAL_HEADERS = Set.of("Authorization", "X-Apikey", "Token-Connexion");

    private Cassettes() {
    }

    public record Exchange(String method, String uri, Map<String, String> requestHeaders, int status,
                           String responseContentType, byte[] responseBody) {

        public String path() {
            return URI.create(uri).getRawPath();
        }

        /** The decoded query parameters, in their order. */
        public Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            String raw = URI.create(uri).getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    int eq = pair.indexOf('=');
                    query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
                }
            }
            return query;
        }
    }

    public static List<Exchange> load(String resource) {
        JsonNode root;
        try (InputStream in = Cassettes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing " + resource);
            }
            // Ruby's "!binary" tag (base64 content) becomes a field of its own, so that only it is decoded.
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("string: !binary", "binary:");
            root = new YAMLMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> placeholders = WireMockUpstreams.placeholders();
        List<Exchange> exchanges = new ArrayList<>();
        for (JsonNode interaction : root.path("http_interactions")) {
            JsonNode request = interaction.path("request");
            JsonNode response = interaction.path("response");
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), replace(h.getValue().path(0).asText(), placeholders)));
            exchanges.add(new Exchange(request.path("method").asText().toUpperCase(),
                    replace(request.path("uri").asText(), placeholders), headers,
                    response.path("status").path("code").asInt(),
                    response.path("headers").path("Content-Type").path(0).asText("application/json"),
                    body(response.path("body"))));
        }
        return exchanges;
    }

    /** Stubs every exchange of the cassette on the WireMock server and returns them. */
    public static List<Exchange> replay(String resource) {
        List<Exchange> exchanges = load(resource);
        for (Exchange exchange : exchanges) {
            MappingBuilder stub = request(exchange.method(), urlPathEqualTo(exchange.path()));
            for (Map.Entry<String, String> q : exchange.query().entrySet()) {
                stub = stub.withQueryParam(q.getKey(), equalTo(q.getValue()));
            }
            for (String header : CREDENTIAL_HEADERS) {
                if (exchange.requestHeaders().containsKey(header)) {
                    stub = stub.withHeader(header, equalTo(exchange.requestHeaders().get(header)));
                }
            }
            WireMockUpstreams.server().stubFor(stub.willReturn(aResponse().withStatus(exchange.status())
                    .withHeader("Content-Type", exchange.responseContentType()).withBody(exchange.responseBody())));
        }
        return exchanges;
    }

    private static byte[] body(JsonNode body) {
        // Two recorders' ways of keeping bytes: Ruby's !binary tag, VCR's base64_string.
        for (String base64 : new String[] {"binary", "base64_string"}) {
            if (body.has(base64)) {
                return Base64.getMimeDecoder().decode(body.get(base64).asText());
            }
        }
        return body.path("string").asText("").getBytes(StandardCharsets.UTF_8);
    }

    private static String replace(String text, Map<String, String> placeholders) {
        String result = text;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            result = result.replace(p.getKey(), p.getValue());
        }
        return result;
    }
}
