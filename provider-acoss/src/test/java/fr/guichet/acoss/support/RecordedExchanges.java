package fr.guichet.acoss.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recorded upstream exchanges (VCR cassettes copied under {@code upstream/}, see the NOTICE there),
 * replayed by WireMock: each recorded request becomes a stub that only matches the same method, path,
 * and body (form fields or JSON), with the placeholders of the recording replaced by test values.
 */
public final class RecordedExchanges {

    private RecordedExchanges() {
    }

    public record Exchange(String method, String uri, String requestBody, String contentType,
                           Map<String, String> requestHeaders, int status, String responseContentType,
                           byte[] responseBody) {

        public String path() {
            return uri.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*$", "");
        }
    }

    public static List<Exchange> load(String resource, Map<String, String> placeholders) {
        JsonNode root;
        try (InputStream in = RecordedExchanges.class.getClassLoader().getResourceAsStream(resource)) {
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
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().path(0).asText()));
            exchanges.add(new Exchange(
                    request.path("method").asText().toUpperCase(),
                    replace(request.path("uri").asText(), placeholders),
                    replace(request.path("body").path("string").asText(""), placeholders),
                    headers.get("Content-Type"),
                    headers,
                    response.path("status").path("code").asInt(),
                    response.path("headers").path("Content-Type").path(0).asText("application/json"),
                    body(response.path("body"))));
        }
        return exchanges;
    }

    /** Stubs every exchange of the cassette on {@code server}; the URIs must start with its base URL. */
    public static List<Exchange> replay(WireMockServer server, String resource, Map<String, String> placeholders) {
        List<Exchange> exchanges = load(resource, placeholders);
        for (Exchange exchange : exchanges) {
            if (!"POST".equals(exchange.method())) {
                throw new IllegalStateException("Only POST exchanges are recorded for these upstreams");
            }
            MappingBuilder stub = post(urlPathEqualTo(exchange.path()));
            if (exchange.contentType() != null && exchange.contentType().startsWith("application/x-www-form-urlencoded")) {
                for (Map.Entry<String, String> field : formFields(exchange.requestBody()).entrySet()) {
                    stub = stub.withFormParam(field.getKey(), equalTo(field.getValue()));
                }
            } else if (!exchange.requestBody().isEmpty()) {
                stub = stub.withRequestBody(equalToJson(exchange.requestBody()));
            }
            String authorization = exchange.requestHeaders().get("Authorization");
            if (authorization != null) {
                stub = stub.withHeader("Authorization", equalTo(authorization));
            }
            server.stubFor(stub.willReturn(aResponse()
                    .withStatus(exchange.status())
                    .withHeader("Content-Type", exchange.responseContentType())
                    .withBody(exchange.responseBody())));
        }
        return exchanges;
    }

    static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** VCR writes binary bodies ({@code encoding: ASCII-8BIT}) in base64 under a {@code !binary} tag. */
    private static byte[] body(JsonNode body) {
        JsonNode string = body.path("string");
        if (string.isBinary()) {
            try {
                return string.binaryValue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if ("ASCII-8BIT".equals(body.path("encoding").asText())) {
            return Base64.getMimeDecoder().decode(string.asText());
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
