package fr.guichet.social.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import fr.guichet.testing.cassette.Cassette;
import java.util.List;
import java.util.Map;

/**
 * The recorded exchanges of {@code src/test/resources/upstream/} (see the NOTICE there) replayed
 * by WireMock: a recorded request becomes a stub matching only the same method, path, query
 * parameters, JSON body and the headers the upstreams read ({@code Authorization},
 * {@code Content-Type}).
 */
public final class Cassettes {

    private Cassettes() {
    }

    /** Stubs every exchange of {@code resource} on {@code server} and returns them. */
    public static List<Cassette.Exchange> replay(WireMockServer server, String resource, Map<String, String> placeholders) {
        List<Cassette.Exchange> exchanges = Cassette.load(resource, placeholders);
        for (Cassette.Exchange e : exchanges) {
            MappingBuilder stub = request(e.method(), urlPathEqualTo(e.path()));
            for (Map.Entry<String, String> q : e.query().entrySet()) {
                stub = stub.withQueryParam(q.getKey(), equalTo(q.getValue()));
            }
            if (!e.requestBody().isEmpty()) {
                stub = stub.withRequestBody(equalToJson(e.requestBody()));
            }
            for (String header : List.of("Authorization", "Content-Type")) {
                if (e.requestHeaders().containsKey(header)) {
                    stub = stub.withHeader(header, equalTo(e.requestHeaders().get(header)));
                }
            }
            var response = aResponse().withStatus(e.status()).withBody(e.responseBody());
            String contentType = e.responseHeaders().get("Content-Type");
            if (contentType != null) {
                response = response.withHeader("Content-Type", contentType);
            }
            server.stubFor(stub.willReturn(response));
        }
        return exchanges;
    }
}
