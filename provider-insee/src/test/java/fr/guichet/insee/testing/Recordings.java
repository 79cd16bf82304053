package fr.guichet.insee.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Recorded INSEE exchanges (test resources {@code insee-recordings/}, VCR format) replayed by
 * WireMock: each recorded request becomes a stub answering the recorded status, headers that
 * matter (Location, Retry-After) and body (gunzipped).
 */
public final class Recordings {

    /** The Sirene base path of the recordings; Guichet's base URL points at it in tests. */
    public static final String SIRENE_PATH = "/api-sirene/prive/3.11";
    public static final String TOKEN_PATH = "/token";

    private Recordings() {
    }

    public record Exchange(String method, String path, String requestBody, int status, Map<String, List<String>> headers,
                           String body) {
    }

    /** Stubs every INSEE exchange of a recording, the token endpoint included. */
    public static void replay(WireMockServer server, String file) {
        replay(server, file, UnaryOperator.identity());
    }

    /** Same, with the Sirene bodies rewritten (derived cases such as a partially diffusible unit). */
    public static void replay(WireMockServer server, String file, UnaryOperator<String> rewrite) {
        for (Exchange e : load(file)) {
            if (e.path().startsWith(SIRENE_PATH)) {
                server.stubFor(request(e.method().toUpperCase(), urlEqualTo(e.path())).willReturn(response(e, rewrite.apply(e.body()))));
            } else if (e.path().equals(TOKEN_PATH)) {
                server.stubFor(tokenStub(e));
            }
        }
    }

    /** The token endpoint as recorded: only the exact recorded form gets a token. */
    public static MappingBuilder tokenStub(Exchange e) {
        return post(urlEqualTo(TOKEN_PATH)).withRequestBody(equalTo(e.requestBody())).willReturn(response(e, e.body()));
    }

    @SuppressWarnings("unchecked")
    public static List<Exchange> load(String file) {
        try (InputStream in = resource("insee-recordings/" + file)) {
            Map<String, Object> root = new Yaml(new VcrConstructor()).load(in);
            List<Exchange> result = new ArrayList<>();
            for (Map<String, Object> interaction : (List<Map<String, Object>>) root.get("http_interactions")) {
                Map<String, Object> req = (Map<String, Object>) interaction.get("request");
                Map<String, Object> res = (Map<String, Object>) interaction.get("response");
                Map<String, Object> reqBody = (Map<String, Object>) req.get("body");
                Map<String, Object> resBody = (Map<String, Object>) res.get("body");
                Map<String, Object> status = (Map<String, Object>) res.get("status");
                result.add(new Exchange((String) req.get("method"), path((String) req.get("uri")),
                        reqBody == null ? "" : text(reqBody.get("string")), ((Number) status.get("code")).intValue(),
                        (Map<String, List<String>>) res.getOrDefault("headers", Map.of()), text(resBody.get("string"))));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinitionBuilder response(Exchange e, String body) {
        ResponseDefinitionBuilder response = aResponse().withStatus(e.status()).withHeader("Content-Type", "application/json");
        for (String header : List.of("Location", "Retry-After")) {
            List<String> values = e.headers().get(header);
            if (values != null && !values.isEmpty()) {
                response.withHeader(header, path(values.get(0)));
            }
        }
        return response.withBody(body == null ? "" : body);
    }

    /** Recorded URIs carry placeholders for the hosts: keep path and query only. */
    private static String path(String uri) {
        return uri.replace("<URL_INSEE_V3>", "").replace("<URL_INSEE_AUTH>", TOKEN_PATH);
    }

    private static String text(Object body) {
        if (body == null) {
            return "";
        }
        if (body instanceof byte[] bytes) {
            if (bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    return new String(gz.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return body.toString();
    }

    private static InputStream resource(String path) {
        InputStream in = Recordings.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("No recording " + path);
        }
        return in;
    }

    /** VCR writes gzipped bodies with the local tag {@code !binary} (base64). */
    private static final class VcrConstructor extends SafeConstructor {
        VcrConstructor() {
            super(new LoaderOptions());
            this.yamlConstructors.put(new Tag("!binary"), new ConstructYamlBinary());
        }
    }
}
