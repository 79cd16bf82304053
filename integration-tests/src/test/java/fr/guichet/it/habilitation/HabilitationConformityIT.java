package fr.guichet.it.habilitation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.it.PartnerCertificates;
import fr.guichet.it.SharedStack;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the terms require of a habilitation over its life, through the real gateway: token-service
 * (where an operator records a security proof or the periods a habilitation opens, written into its
 * tokens' state copies), the gateway (which enforces them) and provider-dgfip in sandbox mode (ENSU
 * DOCUMENTS; the sandbox's SIREN 990000002 has three declarative documents: n°1 for 2024, n°2 for
 * January 2025, n°3 for February 2025). Each test has its own habilitation, on the shared stack.
 */
@SharedStack.Uses
class HabilitationConformityIT {

    static final String RECIPIENT = "13002526500013";
    static final String DECLARATIVES = "ensu_documents_declaratives_dgfip";
    static final String LIST = "/v3/dgfip/ensu/declaratives/unites_legales/990000002/documents";
    static final String DOC_2024 = "/v3/dgfip/ensu/declaratives/documents/idensua/ENSUA000000000000001";
    static final String DOC_JANUARY_2025 = "/v3/dgfip/ensu/declaratives/documents/idensua/ENSUA000000000000002";
    static final String ATTESTATION = "/v3/dgfip/unites_legales/418166096/attestation_fiscale";

    static GuichetStack stack;
    static ServiceProcess gateway;
    static PartnerCertificates certs;

    @BeforeAll
    static void startGateway() throws Exception {
        // The CA that issues partners' client certificates, which the ENSU routes require.
        certs = PartnerCertificates.authority(SharedStack.LOGS.resolve("habilitation-conformity-certs"));
        // The shared stack's token-service, trace-service and provider-dgfip (no maintenance
        // window there), behind a gateway instance of its own that trusts this run's CA.
        stack = SharedStack.get();
        gateway = stack.startInstance(Service.GATEWAY, "gateway-service-habilitation", certs.gatewaySettings());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.stop();
        }
    }

    /** Rights for a period (ENSU terms, 4): a document outside is refused, a list leaves it out. */
    @Test
    void aDocumentOutsideTheHabilitationsPeriodsIsRefusedAndAListLeavesItOut() throws Exception {
        IssuedToken t = stack.issueToken(List.of(DECLARATIVES), 5000);
        String certificate = certs.clientCertificate(t.siret(), true);
        // Before any restriction: the three documents, the January 2025 one served.
        assertEquals(3, ensu(t, certificate, LIST).jsonPath().getList("data").size());
        assertEquals(200, ensu(t, certificate, DOC_JANUARY_2025).statusCode());

        setPeriods(t.habilitationId(), Map.of(DECLARATIVES, Map.of("years", List.of(2024))));

        Response refused = ensu(t, certificate, DOC_JANUARY_2025);
        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("00109", refused.jsonPath().getString("errors[0].code"), refused.asString());
        assertTrue(refused.jsonPath().getString("errors[0].detail").contains("année 2024"), refused.asString());
        assertEquals(List.of(2024), refused.jsonPath().getList("errors[0].meta.periodes_ouvertes[0].annees"));

        Response inside = ensu(t, certificate, DOC_2024);
        assertEquals(200, inside.statusCode(), inside.asString());

        Response list = ensu(t, certificate, LIST);
        assertEquals(200, list.statusCode(), list.asString());
        assertEquals(List.of("ENSUA000000000000001"), list.jsonPath().getList("data.data.idensua"));
        assertEquals(2, list.jsonPath().getInt("meta.documents_hors_periodes"));
        assertEquals(1, list.jsonPath().getInt("meta.nombre_documents"));

        // Lifted: the next call sees every document again.
        setPeriods(t.habilitationId(), Map.of());
        assertEquals(200, ensu(t, certificate, DOC_JANUARY_2025).statusCode());
    }

    /** Security proof (ENSU terms, 3.4): once it has ended, the ENSU routes only are suspended until a new one. */
    @Test
    void anEndedProofSuspendsTheEnsuRoutesOnlyUntilANewOneIsRecorded() throws Exception {
        IssuedToken t = stack.issueToken(List.of(DECLARATIVES, "attestations_fiscales"), 5000);
        String certificate = certs.clientCertificate(t.siret(), true);
        assertEquals(200, ensu(t, certificate, LIST).statusCode(), "served before any proof is recorded");

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        // The homologation ended yesterday: recording it applies the suspension at once.
        Response recorded = recordProof(t, Map.of("kind", "homologation", "reference", "HOMOL-IT-" + UUID.randomUUID(),
                "date", today.minusYears(3).toString(), "valid_until", today.minusDays(1).toString()));
        assertEquals(200, recorded.statusCode(), recorded.asString());
        assertEquals("security_proof", recorded.jsonPath().getString("suspended"), recorded.asString());

        Response refused = ensu(t, certificate, LIST);
        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("00108", refused.jsonPath().getString("errors[0].code"), refused.asString());
        assertTrue(refused.jsonPath().getString("errors[0].detail").contains("homologation de sécurité (RGS)"), refused.asString());
        // A route that requires no proof is still served.
        Response attestation = ensu(t, certificate, ATTESTATION);
        assertEquals(200, attestation.statusCode(), attestation.asString());

        Response renewed = recordProof(t, Map.of("kind", "questionnaire", "reference", "QS-IT-" + UUID.randomUUID(),
                "date", today.toString()));
        assertEquals(200, renewed.statusCode(), renewed.asString());
        assertNull(renewed.jsonPath().getString("suspended"), renewed.asString());
        assertEquals(200, ensu(t, certificate, LIST).statusCode());
    }

    /** A partner's call with its token and client certificate, as the ingress forwards it. */
    static Response ensu(IssuedToken t, String certificate, String path) {
        return given().baseUri(gateway.url())
                .queryParam("context", "Contrôle fiscal").queryParam("object", "Dossier " + UUID.randomUUID())
                .queryParam("recipient", RECIPIENT)
                .header("Authorization", "Bearer " + t.token())
                .header("X-Client-Certificate", URLEncoder.encode(certificate, StandardCharsets.US_ASCII))
                .get(path);
    }

    static void setPeriods(String habilitationId, Map<String, Object> periods) {
        given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(stack.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("periods", periods, "reason", "Convention ENSU"))
                .put("/admin/habilitations/" + habilitationId + "/periods")
                .then().statusCode(200);
    }

    static Response recordProof(IssuedToken t, Map<String, Object> body) {
        return given().baseUri(stack.url(Service.TOKEN)).auth().oauth2(stack.adminToken()).contentType(ContentType.JSON)
                .body(body).put("/admin/habilitations/" + t.habilitationId() + "/security_proof");
    }
}
