package fr.guichet.registers.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** INPI's recorded login ({@code inpi/cassettes/rne/authenticate.yml}) served by the WireMock upstreams. */
public final class InpiLogin {

    /** The login path under the WireMock base ({@link WireMockUpstreams#inpiLoginUrl()}). */
    public static final String PATH = "/inpi/api/sso/login";

    private InpiLogin() {
    }

    /** Resets the WireMock upstreams and serves the recorded login to the recorded request body; its exchange. */
    public static Cassettes.Exchange stub() {
        WireMockUpstreams.server().resetAll();
        Cassettes.Exchange login = Cassettes.load("inpi/cassettes/rne/authenticate.yml", WireMockUpstreams.placeholders()).get(0);
        WireMockUpstreams.server().stubFor(post(urlEqualTo(PATH))
                .withRequestBody(equalToJson(login.requestBody()))
                .willReturn(aResponse().withStatus(login.status()).withHeader("Content-Type", "application/json")
                        .withBody(login.responseBody())));
        return login;
    }

    /** The bearer token the recorded login hands out. */
    public static String token(Cassettes.Exchange login) {
        try {
            return new ObjectMapper().readTree(login.responseText()).get("token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
