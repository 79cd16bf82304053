package fr.guichet.social.conventions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import fr.guichet.social.testing.Calls;
import fr.guichet.social.testing.Cassettes;
import fr.guichet.social.testing.ReplayProfile;
import fr.guichet.social.testing.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against the Fabrique numérique des ministères sociaux played by WireMock: the
 * recorded exchanges (conventions found, none), the recorded payload of conventions with and
 * without publication date, and the Fabrique's other answers for the error mapping.
 */
@QuarkusTest
@TestProfile(ReplayProfile.class)
class ConventionsReplayTest {

    static final String SEARCH = "/fabrique/api/v1/conventions/";

    WireMockServer upstream;

    @BeforeEach
    void reset() {
        upstream = WireMockUpstreams.server();
        upstream.resetAll();
    }

    static String path(String siret) {
        return "/v3/fabrique_numerique_ministeres_sociaux/etablissements/" + siret + "/conventions_collectives";
    }

    @Test
    void theRecordedConventionIsMappedAsApiEntrepriseDoes() throws Exception {
        Cassettes.replay(upstream, "upstream/fabrique_numerique_ministeres_sociaux/valid_siret.yml",
                WireMockUpstreams.placeholders());
        Response response = Calls.get(path("82161143100015"));
        response.then().statusCode(200);
        OpenApiContract.assertValid(path("82161143100015"), 200, response.asString());
        assertEquals(new ObjectMapper().readTree("""
                {"data": [{"data": {"type": "convention_collective", "numero_idcc": 9876,
                  "titre": "Convention collective des bureaux de conseil en ingénierie du 28 février 2001.",
                  "titre_court": "Conseil en ingénierie industrielle et consulting technique", "active": true,
                  "etat": "vigueur", "url": "https://www.legifrance.gouv.fr/affichIDCC.do?idConvention=ANONYME000001234567",
                  "synonymes": ["anonyme"], "date_publication": "2001-05-15"},
                  "links": {}, "meta": {"internal_id": "ANONYME000001234567"}}],
                 "links": {}, "meta": {}}"""), new ObjectMapper().readTree(response.asString()));
        upstream.verify(getRequestedFor(urlEqualTo(SEARCH + "82161143100015"))
                .withHeader("Content-Type", WireMock.equalTo("application/json")));
    }

    @Test
    void noConventionIs404With14003() {
        Cassettes.replay(upstream, "upstream/fabrique_numerique_ministeres_sociaux/not_found_siret.yml",
                WireMockUpstreams.placeholders());
        Response response = Calls.get(path("82525962500028"));
        response.then().statusCode(404).body("errors[0].code", equalTo("14003"))
                .body("errors[0].meta.provider", equalTo("Fabrique numérique des ministères sociaux"));
        OpenApiContract.assertValid(path("82525962500028"), 404, response.asString());
        upstream.stubFor(get(urlPathEqualTo(SEARCH + "82525962500028")).willReturn(aResponse().withStatus(404)));
        Calls.get(path("82525962500028")).then().statusCode(404).body("errors[0].code", equalTo("14003"));
    }

    /**
     * The recorded payload: states VIGUEUR_ETEN → vigueur_etendue, titles trimmed, a missing
     * publication date or state null (as the reference implementation answers; the official
     * OpenAPI types them as non-null strings, so this body is not checked against it).
     */
    @Test
    void theRecordedPayloadWithoutPublicationDates() throws Exception {
        byte[] payload;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "upstream/fabrique_numerique_ministeres_sociaux/valid_with_missing_date_publication.json")) {
            payload = in.readAllBytes();
        }
        upstream.stubFor(get(urlPathEqualTo(SEARCH + "82161143100015")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(payload)));
        int count = new ObjectMapper().readTree(payload).path(0).path("conventions").size();
        Calls.get(path("82161143100015")).then().statusCode(200)
                .body("data", hasSize(count))
                .body("data[0].data.numero_idcc", equalTo(878))
                .body("data[0].data.date_publication", nullValue())
                .body("data[0].data.etat", nullValue())
                .body("data[0].meta.internal_id", equalTo("KALICONT000005635842-878"))
                .body("data[1].data.etat", equalTo("vigueur_etendue"))
                .body("data[1].data.date_publication", equalTo("1963-03-25"))
                .body("data[1].data.synonymes", hasSize(0));
    }

    @Test
    void anyOtherAnswerIs502With14999() {
        upstream.stubFor(get(urlPathEqualTo(SEARCH + "82161143100015")).willReturn(aResponse().withStatus(500)));
        Response response = Calls.get(path("82161143100015"));
        response.then().statusCode(502).body("errors[0].code", equalTo("14999"));
        OpenApiContract.assertValid(path("82161143100015"), 502, response.asString());
        upstream.stubFor(get(urlPathEqualTo(SEARCH + "82161143100015")).willReturn(aResponse().withStatus(200).withBody("{}")));
        Calls.get(path("82161143100015")).then().statusCode(502).body("errors[0].code", equalTo("14999"));
    }
}
