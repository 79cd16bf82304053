package fr.guichet.dgfip.production;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

/**
 * DGFIP stand-in: an in-process HTTPS WireMock that demands a client certificate signed by the
 * test CA (mutual TLS), issues OAuth2 tokens and replays the recorded DGFIP payloads of
 * {@code src/test/resources/upstream}. Identifiers select the recorded case.
 */
public class DgfipUpstreamStub implements QuarkusTestResourceLifecycleManager {

    public static final String PASSWORD = "changeit";
    public static final String CLIENT_ID = "guichet-test";
    public static final String CLIENT_SECRET = "s3cret-de-test";
    public static final String ACCESS_TOKEN = "jeton-dgfip-1";
    static final String BEARER = "Bearer " + ACCESS_TOKEN;

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystoreType("PKCS12").keystorePath(file("tls/server.p12")).keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD)
                .needClientAuth(true)
                .trustStoreType("PKCS12").trustStorePath(file("tls/truststore.p12")).trustStorePassword(PASSWORD));
        server.start();
        stubs();
        String base = "https://localhost:" + server.httpsPort();
        return Map.ofEntries(
                Map.entry("guichet.provider.mode", "production"),
                Map.entry("guichet.dgfip.upstream.base-url", base + "/entreprise/v1"),
                Map.entry("guichet.dgfip.upstream.ensu-base-url", base + "/ensu/v1"),
                Map.entry("guichet.dgfip.upstream.timeout", "3S"),
                Map.entry("guichet.dgfip.oauth.token-url", base + "/token"),
                Map.entry("guichet.dgfip.oauth.client-id", CLIENT_ID),
                Map.entry("guichet.dgfip.oauth.client-secret", CLIENT_SECRET),
                Map.entry("guichet.dgfip.oauth.scope", "entreprise ensu"),
                Map.entry("quarkus.tls.dgfip.key-store.p12.path", file("tls/client.p12")),
                Map.entry("quarkus.tls.dgfip.key-store.p12.password", PASSWORD),
                Map.entry("quarkus.tls.dgfip.key-store.p12.alias", "client"),
                Map.entry("quarkus.tls.dgfip.key-store.p12.alias-password", PASSWORD),
                Map.entry("quarkus.tls.dgfip.trust-store.p12.path", file("tls/truststore.p12")),
                Map.entry("quarkus.tls.dgfip.trust-store.p12.password", PASSWORD));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private void stubs() {
        // Anything without our current token is refused, as DGFIP does.
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_token\"}")));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes());
        server.stubFor(post(urlPathEqualTo("/token")).atPriority(1)
                .withHeader("Authorization", equalTo(basic))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=entreprise+ensu"))
                .willReturn(json(200, "{\"access_token\":\"" + ACCESS_TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));

        // Chiffres d'affaires
        server.stubFor(entreprise("/chiffres-affaires", "siret", "13002526500013")
                .willReturn(json(200, resource("upstream/dgfip/chiffre_affaires/valid.json"))));
        server.stubFor(entreprise("/chiffres-affaires", "siret", "11111111111111")
                .willReturn(json(404, "{\"erreur\":\"SIRET inconnu\"}")));

        // Liasses fiscales (the year selects the recording)
        liasse("2017", "one_obligation_fiscale.json");
        liasse("2018", "two_obligations_fiscales.json");
        liasse("2016", "obligation_fiscale_simplified.json");
        liasse("2019", "no_declarations.json");
        liasse("2023", "liens_capitalistiques.json");
        server.stubFor(entreprise("/liasses-fiscales", "siren", "999999999")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "text/html; charset=iso-8859-15")
                        .withBody(resourceBytes("upstream/dgfip/liasses_fiscales/server_error.html"))));

        // Attestations fiscales
        byte[] basicPdf = resourceBytes("upstream/pdfs/basic.pdf");
        server.stubFor(entreprise("/attestations-fiscales", "siren", "130025265")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(basicPdf)));
        server.stubFor(entreprise("/attestations-fiscales", "siren", "418166096")
                .willReturn(json(200, "{\"siren\":\"418166096\",\"dateDelivrance\":\"2023-04-11\","
                        + "\"datePeriodeAnalysee\":\"2023-03-31\",\"attestation\":\""
                        + Base64.getEncoder().encodeToString(basicPdf) + "\"}")));
        server.stubFor(entreprise("/attestations-fiscales", "siren", "552049447")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf")
                        .withBody(resourceBytes("upstream/pdfs/not_delivered.pdf"))));
        server.stubFor(entreprise("/attestations-fiscales", "siren", "200000000")
                .willReturn(json(200, "{\"attestation\":\"ceci n'est pas du base64 !\"}")));
        server.stubFor(entreprise("/attestations-fiscales", "siren", "429429429")
                .willReturn(json(429, "{\"erreur\":\"quota\"}").withHeader("Retry-After", "42")));
        server.stubFor(entreprise("/attestations-fiscales", "siren", "503503503")
                .willReturn(json(503, "{\"erreur\":\"indisponible\"}")));
        server.stubFor(entreprise("/attestations-fiscales", "siren", "504504504")
                .willReturn(json(200, "{}").withFixedDelay(5000)));
        EnsuRecordings.register(server);
    }

    private void liasse(String year, String recording) {
        server.stubFor(entreprise("/liasses-fiscales", "siren", "130025265").withQueryParam("annee", equalTo(year))
                .willReturn(json(200, resource("upstream/dgfip/liasses_fiscales/" + recording))));
    }

    private static MappingBuilder entreprise(String path, String param, String value) {
        return get(urlPathEqualTo("/entreprise/v1" + path)).atPriority(1)
                .withHeader("Authorization", equalTo(BEARER))
                .withQueryParam(param, equalTo(value));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    static String resource(String path) {
        return new String(resourceBytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] resourceBytes(String path) {
        try (InputStream in = DgfipUpstreamStub.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Ressource de test absente : " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String file(String path) {
        try {
            return Path.of(DgfipUpstreamStub.class.getClassLoader().getResource(path).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
