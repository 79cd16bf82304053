package fr.guichet.gateway.period;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.provider.DocumentKeys;
import fr.guichet.gateway.quota.RedisGuard;
import fr.guichet.gateway.service.LocalJwks;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Period rights on the ENSU routes, through the gateway, with provider-dgfip's sandbox data set
 * ({@link EnsuSandboxProvider}): real Redis (token state copy with its {@code periods}, quotas),
 * the real journal. The sandbox's SARL BOULANGERIE DU BAC A SABLE (SIREN 990000002) has three
 * declarative documents: n°1 for 2024, n°2 for January 2025, n°3 for February 2025.
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
@WithTestResource(EnsuSandboxProvider.class)
class PeriodRightsTest {

    static final String SIRET = "13002526500013";
    static final String DECLARATIVES = "ensu_documents_declaratives_dgfip";
    static final String LIST = "/v3/dgfip/ensu/declaratives/unites_legales/990000002/documents";
    static final String DOC_2024 = "ENSUA000000000000001";
    static final String DOC_JANUARY_2025 = "ENSUA000000000000002";

    @Inject
    RedisDataSource redis;

    /** A token whose state copy (as token-service writes it) carries {@code periods}, or none when null. */
    String token(List<String> scopes, String periods) throws Exception {
        LocalJwks.Issued issued = LocalJwks.issue(scopes, null);
        Map<String, String> state = new HashMap<>(Map.of("status", "active",
                "exp", Long.toString(Instant.now().getEpochSecond() + 3600), "scopes", String.join(",", scopes),
                "allowed_ips", "", "rate_limit_per_minute", "0", "habilitation_id", issued.habilitationId(),
                "siret", SIRET, "api_kind", "entreprise"));
        if (periods != null) {
            state.put("periods", periods);
        }
        redis.hash(String.class).hset(RedisGuard.tokenKey(issued.jti()), state);
        redis.key().expire(RedisGuard.tokenKey(issued.jti()), 600);
        return issued.token();
    }

    static String certificate() throws Exception {
        try (InputStream in = PeriodRightsTest.class.getResourceAsStream("/certs/partner.pem")) {
            return URLEncoder.encode(new String(in.readAllBytes(), StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        }
    }

    Response get(String token, String path) throws Exception {
        return given().header("Authorization", "Bearer " + token).header("X-Client-Certificate", certificate())
                .queryParam("context", "Contrôle").queryParam("object", "Dossier " + UUID.randomUUID())
                .queryParam("recipient", SIRET).when().get(path);
    }

    static String document(String idensua) {
        return "/v3/dgfip/ensu/declaratives/documents/idensua/" + idensua;
    }

    @Test
    void aListKeepsOnlyTheDocumentsInsideTheOpenYearsAndSaysSo() throws Exception {
        String t = token(List.of(DECLARATIVES), "{\"" + DECLARATIVES + "\":{\"years\":[2024]}}");

        get(t, LIST).then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].data.idensua", equalTo(DOC_2024))
                .body("meta.nombre_documents", equalTo(1))
                .body("meta.documents_hors_periodes", equalTo(2))
                .body("meta.periodes_ouvertes[0].annees", hasItems(2024));
    }

    @Test
    void aDateRangeOpensTheDocumentsWhollyInsideIt() throws Exception {
        String t = token(List.of(DECLARATIVES), "{\"" + DECLARATIVES + "\":{\"from\":\"2025-01-01\",\"to\":\"2025-01-31\"}}");

        get(t, LIST).then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].data.idensua", equalTo(DOC_JANUARY_2025))
                .body("meta.documents_hors_periodes", equalTo(2))
                .body("meta.periodes_ouvertes[0].debut", equalTo("2025-01-01"));
    }

    @Test
    void aDocumentInsideTheOpenPeriodsIsServed() throws Exception {
        String t = token(List.of(DECLARATIVES), "{\"" + DECLARATIVES + "\":{\"years\":[2024]}}");

        get(t, document(DOC_2024)).then().statusCode(200)
                .body("data.idensua", equalTo(DOC_2024))
                .body("data.periode.fin", equalTo("2024-12-31"));
    }

    @Test
    void aDocumentOutsideTheOpenPeriodsIsRefusedWith00109AndItsStoredCopyDeleted() throws Exception {
        String t = token(List.of(DECLARATIVES), "{\"" + DECLARATIVES + "\":{\"years\":[2024]}}");
        String stored = DocumentKeys.key(EnsuSandboxProvider.fileId(DOC_JANUARY_2025));
        redis.value(String.class, String.class).set(stored, "%PDF-1.4 fictif");

        get(t, document(DOC_JANUARY_2025)).then().statusCode(403)
                .body("errors[0].code", equalTo("00109"))
                .body("errors[0].title", equalTo("Période non ouverte"))
                .body("errors[0].detail", containsString("année 2024"))
                .body("errors[0].source.parameter", equalTo("document"))
                .body("errors[0].meta.periode_demandee.debut", equalTo("2025-01-01"))
                .body("errors[0].meta.periodes_ouvertes[0].annees", hasItems(2024));
        for (int i = 0; i < 50 && redis.key().exists(stored); i++) {
            Thread.sleep(20); // the deletion is sent off the response path
        }
        assertFalse(redis.key().exists(stored), "the refused document's URL must serve nothing");
    }

    @Test
    void withoutPeriodsOrWithAnUnrestrictedScopeEverythingIsServed() throws Exception {
        String none = token(List.of(DECLARATIVES), null);
        get(none, LIST).then().statusCode(200).body("data.size()", equalTo(3))
                .body("meta", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("documents_hors_periodes")));
        // Periods for another family do not restrict this one.
        String other = token(List.of(DECLARATIVES, "ensu_documents_paiements_dgfip"),
                "{\"ensu_documents_paiements_dgfip\":{\"years\":[2020]}}");
        get(other, LIST).then().statusCode(200).body("data.size()", equalTo(3));
        get(other, document(DOC_JANUARY_2025)).then().statusCode(200);
    }

    @Test
    void aYearAskedForOutsideTheOpenYearsIsRefusedBeforeTheProviderIsAsked() throws Exception {
        String t = token(List.of("liasses_fiscales_dgfip"), "{\"liasses_fiscales_dgfip\":{\"years\":[2022]}}");
        EnsuSandboxProvider.RECEIVED.clear();

        Response refused = get(t, "/v3/dgfip/unites_legales/418166096/liasses_fiscales/2023");
        assertEquals(403, refused.statusCode(), refused.asString());
        assertEquals("00109", refused.jsonPath().getString("errors[0].code"));
        assertEquals("year", refused.jsonPath().getString("errors[0].source.parameter"));
        assertTrue(refused.jsonPath().getString("errors[0].detail").contains("(2023)"), refused.asString());
        assertTrue(EnsuSandboxProvider.RECEIVED.isEmpty(), EnsuSandboxProvider.RECEIVED.toString());

        get(t, "/v3/dgfip/unites_legales/418166096/liasses_fiscales/2022").then().statusCode(200);
        assertEquals(List.of("/v3/dgfip/unites_legales/418166096/liasses_fiscales/2022"), EnsuSandboxProvider.RECEIVED);
    }

    @Test
    void periodsTheGatewayCannotReadOpenNothing() throws Exception {
        String t = token(List.of(DECLARATIVES), "{not json");

        get(t, LIST).then().statusCode(200).body("data.size()", equalTo(0)).body("meta.documents_hors_periodes", equalTo(3));
        get(t, document(DOC_2024)).then().statusCode(403).body("errors[0].code", equalTo("00109"))
                .body("errors[0].detail", containsString("aucune période n'est ouverte"));
    }
}
