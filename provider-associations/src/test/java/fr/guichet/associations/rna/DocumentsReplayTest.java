package fr.guichet.associations.rna;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.http.Fault;
import fr.guichet.associations.support.ProductionProfile;
import fr.guichet.associations.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import fr.guichet.testing.upstream.Cassettes;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode of an association's RNA documents against API Entreprise's recorded exchanges
 * with the ministère de l'Intérieur (upstream/mi/documents): the record asked as for the
 * association data, each document fetched as recorded and stored behind /proxy/files, the bounds
 * (count, size, the ministry's own URLs only) and the ministry's errors mapped as API Entreprise does.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class DocumentsReplayTest {

    static final String UPSTREAM = "/mi/apim/api-asso-partenaires/api/structure/";
    static final String DOCUMENTS = "/mi/apim/api-asso/api/documents/PJ/";

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    private static String path(String id) {
        return "/v3/ministere_interieur/rna/associations/" + id + "/documents";
    }

    private static Response call(String id) {
        return given().queryParams(RnaReplayTest.TRACING).get(path(id));
    }

    /**
     * The PDF the ministry answered in the recorded download, byte for byte. Read here rather
     * than through {@link Cassettes}, whose placeholder replacement reads bodies as UTF-8 text
     * and so alters binary ones.
     */
    private static byte[] recordedPdf() {
        try (InputStream in = DocumentsReplayTest.class.getClassLoader()
                .getResourceAsStream("upstream/mi/documents/no_documents_key.yml")) {
            String base64 = new YAMLMapper().readTree(in).path("http_interactions").path(1)
                    .path("response").path("body").path("string").asText();
            return Base64.getMimeDecoder().decode(base64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded download, answered with the recorded bytes. */
    private static void stubRecordedPdf(String id) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(DOCUMENTS + id))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf;charset=ISO-8859-1")
                        .withBody(recordedPdf())));
    }

    private void assertStored(String url, byte[] expected) {
        assertTrue(url.startsWith("http://localhost:8080/proxy/files/"), url);
        String key = "guichet:file:" + url.substring(url.lastIndexOf('/') + 1);
        assertArrayEquals(expected, redis.value(byte[].class).get(key));
        long ttl = redis.key().ttl(key);
        assertTrue(ttl > 86_000 && ttl <= 86_400, "TTL " + ttl);
    }

    private static void stubRecord(String id, String documents) {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + id)).willReturn(aResponse().withStatus(200)
                .withBody("<asso><identite><id_correspondance>1</id_correspondance><id_rna>" + id + "</id_rna></identite>"
                        + documents + "</asso>")));
    }

    private static String document(String id, String url) {
        return "<document_rna><id>" + id + "</id><time>1511603784</time><url>" + url
                + "</url><lib_sous_type>Statuts</lib_sous_type></document_rna>";
    }

    @Test
    void theRecordedDocumentIsFetchedAsRecordedAndStoredBehindProxyFiles() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/mi/documents/no_documents_key.yml", WireMockUpstreams.placeholders());
        stubRecordedPdf("32552fdde55b15bfd9a75c4a3795f397");
        assertEquals(266_611, recordedPdf().length);

        Response response = call("41763950700017");

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("41763950700017"), 200, response.asString());
        assertEquals(1, response.<List<?>>path("data").size());
        assertEquals("1511603784", response.path("data[0].data.timestamp"));
        assertEquals("Liste dirigeants", response.path("data[0].data.type"));
        assertEquals(List.of(), response.path("data[0].data.errors"), response.asString());
        assertEquals(86_400, response.<Integer>path("data[0].data.expires_in"));
        assertEquals(1, response.<Integer>path("meta.nombre_documents"));
        assertEquals(0, response.<Integer>path("meta.nombre_documents_deficients"));
        assertStored(response.path("data[0].data.url"), recordedPdf());
        WireMockUpstreams.server().verify(1, getRequestedFor(urlPathEqualTo(UPSTREAM + "41763950700017"))
                .withQueryParam("proxy_only", equalTo("true"))
                .withHeader("X-Gravitee-Api-Key", equalTo(WireMockUpstreams.MI_API_KEY)));
        WireMockUpstreams.server().verify(1, getRequestedFor(urlPathEqualTo(DOCUMENTS + "32552fdde55b15bfd9a75c4a3795f397"))
                .withoutHeader("X-Gravitee-Api-Key"));
    }

    @Test
    void aDocumentTheMinistryCannotGiveIsDeficientAndTheOthersAreServed() {
        // The recording has the record with two documents, not their downloads: the first answers
        // the recorded PDF, the second the ministry's 404.
        Cassettes.replay(WireMockUpstreams.server(), "upstream/mi/documents/with_documents.yml", WireMockUpstreams.placeholders());
        stubRecordedPdf("ce02b318959c37896db9e3aac26fa494");
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(DOCUMENTS + "dec0efcfdbc30f7c3d0f142e2f750a97"))
                .willReturn(aResponse().withStatus(404)));

        Response response = call("77571979202585");

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("77571979202585"), 200, response.asString());
        assertEquals("Statuts", response.path("data[0].data.type"));
        assertEquals("1411134260", response.path("data[0].data.timestamp"));
        assertEquals(List.of(), response.path("data[0].data.errors"), response.asString());
        assertStored(response.path("data[0].data.url"), recordedPdf());
        assertEquals("Décret", response.path("data[1].data.type"));
        assertNull(response.path("data[1].data.url"));
        assertNull(response.path("data[1].data.expires_in"));
        assertEquals(List.of("Document indisponible chez le ministère de l'Intérieur (statut 404)."),
                response.path("data[1].data.errors"));
        assertEquals(2, response.<Integer>path("meta.nombre_documents"));
        assertEquals(1, response.<Integer>path("meta.nombre_documents_deficients"));
    }

    @Test
    void documentsAreBoundedInCountAndSizeAndTheInternalBaseIsRewritten() {
        byte[] small = "%PDF-1.4 petit".getBytes();
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(DOCUMENTS + "small"))
                .willReturn(aResponse().withStatus(200).withBody(small)));
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(DOCUMENTS + "big"))
                .willReturn(aResponse().withStatus(200).withBody(new byte[300_001])));
        stubRecord("W751000001", "<documents>"
                + document("small", "http://localhost:8181/services/api/documents/PJ/small")
                + document("big", WireMockUpstreams.miUrl() + "/apim/api-asso/api/documents/PJ/big")
                + document("third", WireMockUpstreams.miUrl() + "/apim/api-asso/api/documents/PJ/third")
                + "<nbDocRna>3</nbDocRna></documents>");

        Response response = call("W751000001");

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("W751000001"), 200, response.asString());
        assertStored(response.path("data[0].data.url"), small);
        assertEquals(List.of("Document trop volumineux (plus de 300000 octets)."), response.path("data[1].data.errors"));
        assertEquals(List.of("Document non récupéré : plus de 2 documents."), response.path("data[2].data.errors"));
        assertEquals(3, response.<Integer>path("meta.nombre_documents"));
        assertEquals(2, response.<Integer>path("meta.nombre_documents_deficients"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathEqualTo(DOCUMENTS + "third")));
    }

    @Test
    void onlyTheMinistrysDocumentServiceIsCalledAndAFailedDownloadIsDeficient() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(DOCUMENTS + "reset"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        stubRecord("W751000002", "<documents>"
                + document("elsewhere", WireMockUpstreams.server().baseUrl() + "/elsewhere/PJ/x")
                + document("reset", WireMockUpstreams.miUrl() + "/apim/api-asso/api/documents/PJ/reset")
                + "<nbDocRna>2</nbDocRna></documents>");

        Response response = call("W751000002");

        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path("W751000002"), 200, response.asString());
        assertEquals(List.of("URL du document fournie par le ministère invalide."), response.path("data[0].data.errors"));
        assertEquals(List.of("Document indisponible chez le ministère de l'Intérieur."), response.path("data[1].data.errors"));
        assertEquals(2, response.<Integer>path("meta.nombre_documents_deficients"));
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathMatching("/elsewhere/.*")));
    }

    @Test
    void aRecordWithoutDocumentsIs21003() {
        stubRecord("W751000003", "<documents><nbDocRna>0</nbDocRna></documents>");
        stubRecord("W751000004", "");
        for (String id : List.of("W751000003", "W751000004")) {
            Response response = call(id);
            assertEquals(404, response.statusCode(), response.asString());
            assertEquals("21003", response.path("errors[0].code"));
            OpenApiContract.assertValid(path(id), 404, response.asString());
        }
    }

    @Test
    void theMinistrysProxy404Is21003() {
        Cassettes.replay(WireMockUpstreams.server(), "upstream/mi/with_rna_not_found.yml", WireMockUpstreams.placeholders());

        Response response = call("W432543654");

        assertEquals(404, response.statusCode(), response.asString());
        assertEquals("21003", response.path("errors[0].code"));
        assertEquals("Ministère de l'Intérieur", response.path("errors[0].meta.provider"));
    }

    @Test
    void upstreamErrorsAreMappedAsApiEntrepriseDoes() {
        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W751000005"))
                .willReturn(aResponse().withStatus(200).withBody("<html><body>maintenance</body></html>")));
        assertError(call("W751000005"), 502, "21001");

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W751000006"))
                .willReturn(aResponse().withStatus(200).withBody("<asso><documents>")));
        assertError(call("W751000006"), 502, "21999");

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W751000007")).willReturn(aResponse().withStatus(500)
                .withBody("<asso><identite><id_correspondance>1</id_correspondance></identite><documents>"
                        + document("x", "x") + "<nbDocRna>1</nbDocRna></documents></asso>")));
        assertError(call("W751000007"), 502, "21999");

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W751000008")).willReturn(aResponse().withStatus(503)));
        assertError(call("W751000008"), 502, "21001");

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W751000009"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertError(call("W751000009"), 502, "21001");

        WireMockUpstreams.server().stubFor(get(urlPathEqualTo(UPSTREAM + "W751000010")).willReturn(aResponse().withStatus(200)));
        assertError(call("W751000010"), 502, "21011");
    }

    @Test
    void anIdentifierThatIsNeitherSiretNorRnaIs422WithoutAskingTheMinistry() {
        assertError(call("X12345"), 422, "00303");
        WireMockUpstreams.server().verify(0, getRequestedFor(urlPathMatching("/mi/.*")));
    }

    private static void assertError(Response response, int status, String code) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(code, response.path("errors[0].code"), response.asString());
    }
}
