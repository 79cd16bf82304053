package fr.guichet.it.providers;

import fr.guichet.it.Schemas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import fr.guichet.it.PartnerCertificates;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceProcess;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The providers as a partner sees them through the gateway, every Guichet hop real (token-service,
 * trace-service, the three providers, the gateway). INSEE runs in production mode against an
 * in-process Sirene stand-in (INSEE cannot run here); DGFIP and URSSAF run in sandbox mode with a
 * short document lifetime.
 */
class ProvidersThroughGatewayIT {

    static final String RECIPIENT = "13002526500013";
    static final String SCHEMA = "providers_acceptance";
    static final String SIRENE_PATH = "/api-sirene/prive/3.11";
    /** provider-insee's read timeout here; the gateway waits longer, so INSEE's own 504 reaches the partner. */
    static final Duration INSEE_READ_TIMEOUT = Duration.ofSeconds(2);
    static final Duration DOCUMENT_TTL = Duration.ofSeconds(4);
    static final List<String> SCOPES = List.of("unites_legales_etablissements_insee", "attestations_fiscales",
            "attestations_sociales", "effectifs_urssaf");

    static final List<String> ENSU_FAMILIES = List.of("declaratives", "bancaires", "creances", "paiements",
            "remboursements", "obligations_fiscales", "habilitations");
    /** provider-dgfip's sandbox: a company with documents in all seven families, and a user without SIREN. */
    static final String ENSU_SIREN = "990000002";
    static final String ENSU_IDSP = "SP000000000042";

    static WireMockServer sirene;
    static GuichetStack stack;
    static PartnerCertificates certs;

    @BeforeAll
    static void startSuite() throws Exception {
        certs = PartnerCertificates.authority(Path.of("target", "it-logs", "providers", "certs").toAbsolutePath());
        sirene = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        sirene.start();
        // Only what the tests call: the routes of INSEE, DGFIP (ENSU included) and URSSAF/GIP-MDS (provider-acoss).
        GuichetStack.Builder builder = GuichetStack.builder()
                .logDir(Path.of("target", "it-logs", "providers").toAbsolutePath())
                .with(Service.TRACE, Service.TOKEN, Service.INSEE, Service.DGFIP, Service.ACOSS, Service.GATEWAY);
        stack = certs.trustedBy(ownSchemas(builder, SCHEMA))
                .property(Service.INSEE, "guichet.provider.mode", "production")
                .property(Service.INSEE, "guichet.insee.sirene.base-url", sirene.baseUrl() + SIRENE_PATH)
                .property(Service.INSEE, "guichet.insee.sirene.auth.mode", "api-key")
                .property(Service.INSEE, "guichet.insee.sirene.auth.api-key", "integration-test-key")
                .property(Service.INSEE, "guichet.insee.sirene.read-timeout", INSEE_READ_TIMEOUT.toSeconds() + "S")
                .property(Service.INSEE, "guichet.insee.cache.enabled", "false")
                .property(Service.DGFIP, "guichet.dgfip.documents.ttl", DOCUMENT_TTL.toSeconds() + "S")
                .property(Service.ACOSS, "guichet.acoss.document-ttl", "PT" + DOCUMENT_TTL.toSeconds() + "S")
                .property(Service.GATEWAY, "guichet.gateway.providers.insee.timeout", "PT10S")
                .start();
    }

    @AfterAll
    static void stopSuite() {
        if (stack != null) {
            stack.close();
        }
        if (sirene != null) {
            sirene.stop();
        }
    }

    /** {@link Schemas#ownSchemas}, as the provider suites call it. */
    static GuichetStack.Builder ownSchemas(GuichetStack.Builder builder, String schema) {
        return Schemas.ownSchemas(builder, schema);
    }

    static String gateway() {
        return stack.url(Service.GATEWAY);
    }

    /** A fresh token (own quotas) whose habilitation limit is above every throttle.yml group. */
    static IssuedToken token() {
        return stack.issueToken(SCOPES, 5000);
    }

    static RequestSpecification call(IssuedToken t) {
        return given().baseUri(gateway())
                .queryParam("context", "Contrôle des aides publiques")
                .queryParam("object", "Dossier " + UUID.randomUUID())
                .queryParam("recipient", RECIPIENT)
                .header("Authorization", "Bearer " + t.token());
    }

    static void assertError(Response r, int status, String code) {
        assertEquals(status, r.statusCode(), r.asString());
        assertEquals(code, r.jsonPath().getString("errors[0].code"), r.asString());
    }

    /** A well-formed SIREN no other test asks INSEE for. */
    static String freshSiren() {
        return GuichetStack.uniqueSiret().substring(0, 9);
    }

    // --- a. INSEE upstream failures, as the partner sees them -----------------------------------

    @Test
    void inseeUpstreamTimeoutGives504With01002() {
        String siren = freshSiren();
        byte[] recorded = readResource("insee/siren-200.json");
        sirene.stubFor(get(urlPathEqualTo(SIRENE_PATH + "/siren/" + siren)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(recorded)
                .withFixedDelay((int) INSEE_READ_TIMEOUT.toMillis() + 2_000)));

        Response r = call(token()).get("/v3/insee/sirene/unites_legales/" + siren);

        assertError(r, 504, "01002");
        assertEquals("INSEE", r.jsonPath().getString("errors[0].meta.provider"), r.asString());
        sirene.verify(getRequestedFor(urlPathEqualTo(SIRENE_PATH + "/siren/" + siren)));
    }

    @Test
    void inseeUpstream5xxGivesTheProvidersCodes() {
        IssuedToken t = token();
        String broken = freshSiren();
        sirene.stubFor(get(urlPathEqualTo(SIRENE_PATH + "/siren/" + broken)).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"header\":{\"statut\":500,\"message\":\"Erreur interne du serveur\"}}")));
        String unavailable = freshSiren();
        sirene.stubFor(get(urlPathEqualTo(SIRENE_PATH + "/siren/" + unavailable)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Service Unavailable</body></html>")));

        // provider-insee's mapping: 503 → 504 01001; any other 5xx → 502 01000.
        assertError(call(t).get("/v3/insee/sirene/unites_legales/" + broken), 502, "01000");
        assertError(call(t).get("/v3/insee/sirene/unites_legales/" + unavailable), 504, "01001");
    }

    @Test
    void aPartnersNoCacheReachesProviderInseeThroughTheGateway() {
        // A provider-insee with its response cache on, and a gateway in front of it.
        ServiceProcess cachedInsee = stack.startInstance(Service.INSEE, "provider-insee-cached",
                Map.of("guichet.insee.cache.enabled", "true"));
        ServiceProcess gateway = stack.startInstance(Service.GATEWAY, "gateway-service-cached-insee",
                Map.of("guichet.gateway.providers.insee.url", cachedInsee.url()));
        try {
            IssuedToken t = token();
            String siren = freshSiren();
            sirene.stubFor(get(urlPathEqualTo(SIRENE_PATH + "/siren/" + siren)).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(readResource("insee/siren-200.json"))));
            String path = "/v3/insee/sirene/unites_legales/" + siren;

            Response first = call(t).baseUri(gateway.url()).get(path);
            Response cached = call(t).baseUri(gateway.url()).get(path);
            Response fresh = call(t).baseUri(gateway.url()).header("Cache-Control", "no-cache").get(path);

            assertEquals(200, first.statusCode(), first.asString());
            assertEquals("miss", first.header("X-Guichet-Cache"));
            assertEquals("hit", cached.header("X-Guichet-Cache"), "without a directive the cached copy is served");
            assertEquals(200, fresh.statusCode(), fresh.asString());
            assertEquals("miss", fresh.header("X-Guichet-Cache"), "no-cache reached provider-insee: it asked INSEE again");
            sirene.verify(2, getRequestedFor(urlPathEqualTo(SIRENE_PATH + "/siren/" + siren)));
        } finally {
            gateway.stop();
            cachedInsee.stop();
        }
    }

    // --- b. Documents behind /proxy/files/{uuid} --------------------------------------------------

    @Test
    void dgfipAttestationFiscaleDownloadsAPdfUntilItExpires() throws Exception {
        Response r = call(token()).get("/v3/dgfip/unites_legales/418166096/attestation_fiscale");
        assertDocumentServedThenExpired(r);
    }

    @Test
    void urssafAttestationDeVigilanceDownloadsAPdfUntilItExpires() throws Exception {
        Response r = call(token()).get("/v3/urssaf/unites_legales/418166096/attestation_vigilance");
        assertDocumentServedThenExpired(r);
    }

    static void assertDocumentServedThenExpired(Response r) throws InterruptedException {
        assertEquals(200, r.statusCode(), r.asString());
        String url = r.jsonPath().getString("data.document_url");
        assertNotNull(url, r.asString());
        assertTrue(url.startsWith(gateway() + "/proxy/files/"), url);
        UUID.fromString(url.substring(url.lastIndexOf('/') + 1));
        int expiresIn = r.jsonPath().getInt("data.expires_in");
        assertTrue(expiresIn > 0 && expiresIn <= DOCUMENT_TTL.toSeconds(), "expires_in " + expiresIn);

        Response pdf = given().get(url);
        assertEquals(200, pdf.statusCode(), pdf.asString());
        assertTrue(pdf.contentType().startsWith("application/pdf"), pdf.contentType());
        byte[] bytes = pdf.asByteArray();
        assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), java.util.Arrays.copyOf(bytes, 4));
        assertTrue(bytes.length > 1000, "a real document, " + bytes.length + " bytes");

        Thread.sleep(DOCUMENT_TTL.toMillis() + 1_000);
        assertError(given().get(url), 410, "00403");
    }

    // --- c. Quotas follow throttle.yml ------------------------------------------------------------

    @Test
    void urssafAndGipMdsRoutesAnnounceTheirThrottleGroupLimit() {
        IssuedToken t = token();
        Response urssaf = call(t).get("/v3/urssaf/unites_legales/418166096/attestation_vigilance");
        assertEquals(200, urssaf.statusCode(), urssaf.asString());
        assertEquals(throttleLimit("api_entreprise_v3_acoss_attestations_sociales"),
                Integer.parseInt(urssaf.header("RateLimit-Limit")));

        Response effectifs = call(t).get("/v3/gip_mds/unites_legales/130025265/effectifs_annuels/2024");
        assertEquals(200, effectifs.statusCode(), effectifs.asString());
        assertEquals(throttleLimit("api_entreprise_v3_gip_mds_effectifs_annuels_entreprise"),
                Integer.parseInt(effectifs.header("RateLimit-Limit")));
        assertEquals(throttleLimit("api_entreprise_v3_gip_mds_effectifs_annuels_entreprise") - 1,
                Integer.parseInt(effectifs.header("RateLimit-Remaining")));
    }

    @Test
    void dgfipAttestationFiscaleIsRefusedBeyondItsThrottleLimit() {
        int limit = throttleLimit("api_entreprise_v3_dgfip_attestations_fiscales");
        IssuedToken t = token();
        for (int i = 1; i <= limit; i++) {
            Response r = call(t).get("/v3/dgfip/unites_legales/418166096/attestation_fiscale");
            assertEquals(200, r.statusCode(), "call " + i + ": " + r.asString());
            assertEquals(limit, Integer.parseInt(r.header("RateLimit-Limit")));
            assertEquals(limit - i, Integer.parseInt(r.header("RateLimit-Remaining")), "call " + i);
        }
        Response refused = call(t).get("/v3/dgfip/unites_legales/418166096/attestation_fiscale");
        assertError(refused, 429, "00429");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= throttlePeriod("api_entreprise_v3_dgfip_attestations_fiscales"),
                "Retry-After " + retryAfter);
        assertEquals("0", refused.header("RateLimit-Remaining"));
    }

    // --- d. ENSU documents (Guichet extension) ---------------------------------------------------

    static List<String> ensuScopesBut(String family) {
        List<String> scopes = new ArrayList<>();
        for (String f : ENSU_FAMILIES) {
            if (!f.equals(family)) {
                scopes.add("ensu_documents_" + f + "_dgfip");
            }
        }
        return scopes;
    }

    static RequestSpecification ensu(IssuedToken t, String certificatePem) {
        RequestSpecification spec = call(t);
        return certificatePem == null ? spec
                : spec.header("X-Client-Certificate", URLEncoder.encode(certificatePem, StandardCharsets.US_ASCII));
    }

    @Test
    void ensuFamiliesAnswerOnlyWithTheirScope() throws Exception {
        IssuedToken all = stack.issueToken(ensuScopesBut(null), 5000);
        String allCert = certs.clientCertificate(all.siret(), true);
        for (String family : ENSU_FAMILIES) {
            String path = "/v3/dgfip/ensu/" + family + "/unites_legales/" + ENSU_SIREN + "/documents";
            IssuedToken without = stack.issueToken(ensuScopesBut(family), 5000);
            Response refused = ensu(without, certs.clientCertificate(without.siret(), true)).get(path);
            assertError(refused, 403, "00100");
            assertTrue(!refused.jsonPath().getString("errors[0].detail").contains("certificat"), refused.asString());
            // Refused before the quota check: the ENSU group limit (gateway default, 500/min), no made-up remaining count.
            assertEquals(500, Integer.parseInt(refused.header("RateLimit-Limit")));
            assertNull(refused.header("RateLimit-Remaining"));

            Response served = ensu(all, allCert).get(path);
            assertEquals(200, served.statusCode(), family + ": " + served.asString());
            assertTrue(served.jsonPath().getList("data").size() > 0, family + ": " + served.asString());
        }
    }

    @Test
    void ensuLookupsBySirenAndIdsp() throws Exception {
        IssuedToken t = stack.issueToken(ensuScopesBut(null), 5000);
        String cert = certs.clientCertificate(t.siret(), true);

        Response bySiren = ensu(t, cert).get("/v3/dgfip/ensu/declaratives/unites_legales/" + ENSU_SIREN + "/documents");
        assertEquals(200, bySiren.statusCode(), bySiren.asString());
        assertEquals(ENSU_SIREN, bySiren.jsonPath().getString("meta.usager.siren"), bySiren.asString());
        String document = bySiren.jsonPath().getString("data[0].links.document");
        assertNotNull(document, bySiren.asString());

        Response byIdsp = ensu(t, cert).get("/v3/dgfip/ensu/declaratives/usagers/" + ENSU_IDSP + "/documents");
        assertEquals(200, byIdsp.statusCode(), byIdsp.asString());
        assertTrue(byIdsp.jsonPath().getList("data").size() > 0, byIdsp.asString());

        Response one = ensu(t, cert).get(document);
        assertEquals(200, one.statusCode(), one.asString());
        assertTrue(one.jsonPath().getString("data.document_url").startsWith(gateway() + "/proxy/files/"), one.asString());

        Response unknown = ensu(t, cert).get("/v3/dgfip/ensu/declaratives/documents/idensua/ENSUA999999999999999");
        assertEquals(404, unknown.statusCode(), unknown.asString());
    }

    @Test
    void ensuRefusedWithoutAValidClientCertificate() throws Exception {
        IssuedToken t = stack.issueToken(ensuScopesBut(null), 5000);
        String path = "/v3/dgfip/ensu/declaratives/unites_legales/" + ENSU_SIREN + "/documents";

        assertError(ensu(t, null).get(path), 403, "00100");
        // Right organisation, but not issued by the configured CA.
        assertError(ensu(t, certs.clientCertificate(t.siret(), false)).get(path), 403, "00100");
        // Issued by the CA, but for another organisation.
        assertError(ensu(t, certs.clientCertificate(GuichetStack.uniqueSiret(), true)).get(path), 403, "00100");
        // Control: the certificate of the habilitated organisation, issued by the CA.
        assertEquals(200, ensu(t, certs.clientCertificate(t.siret(), true)).get(path).statusCode());
    }

    // --- reference data -------------------------------------------------------------------------

    static JsonNode throttleGroup(String operationId) {
        try (InputStream in = ProvidersThroughGatewayIT.class.getClassLoader()
                .getResourceAsStream("guichet/reference/throttle.yml")) {
            JsonNode shared = new ObjectMapper(new YAMLFactory()).readTree(in).path("shared");
            for (JsonNode group : shared) {
                for (JsonNode endpoint : group.path("endpoints")) {
                    if (endpoint.asText().equals(operationId)) {
                        return group;
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError(operationId + " is in no throttle.yml group");
    }

    static int throttleLimit(String operationId) {
        return throttleGroup(operationId).path("limit").asInt();
    }

    static int throttlePeriod(String operationId) {
        return throttleGroup(operationId).path("period").asInt();
    }

    static byte[] readResource(String path) {
        try (InputStream in = ProvidersThroughGatewayIT.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the test resources");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
