package fr.guichet.gateway.particulier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.quota.RedisGuard;
import fr.guichet.gateway.service.LocalJwks;
import fr.guichet.gateway.trace.JournalEvents;
import fr.guichet.gateway.trace.TraceJournal;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * API Particulier calls through the gateway, end to end but for the adapters (in-process
 * stand-ins, {@link ParticulierProviders}): real Redis (token state, quotas), the real journal.
 * Routes are the test declarations of {@code guichet/operations-particulier-test/} over the shipped ones.
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
@WithTestResource(ParticulierProviders.class)
class ParticulierCallTest {

    static final String QF = "/v3/dss/quotient_familial/identite";
    static final String RECIPIENT = "13002526500013";
    /** Every log record of the gateway while this class runs. */
    static final List<String> LOGS = java.util.Collections.synchronizedList(new ArrayList<>());
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            if (record.getParameters() != null) {
                for (Object p : record.getParameters()) {
                    message += " " + p;
                }
            }
            LOGS.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    RedisDataSource redis;
    @Inject
    TraceJournal journal;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapture() {
        java.util.logging.Logger.getLogger("").removeHandler(CAPTURE);
    }

    /** A token of {@code apiKind} whose state copy is in Redis (as token-service fills it), no IP restriction. */
    LocalJwks.Issued token(String apiKind, List<String> scopes, int perMinute) throws Exception {
        LocalJwks.Issued issued = LocalJwks.issue(scopes, apiKind);
        redis.hash(String.class).hset(RedisGuard.tokenKey(issued.jti()), Map.of("status", "active",
                "exp", Long.toString(Instant.now().getEpochSecond() + 3600), "scopes", String.join(",", scopes),
                "allowed_ips", "", "rate_limit_per_minute", Integer.toString(perMinute),
                "habilitation_id", issued.habilitationId(), "siret", RECIPIENT, "api_kind", apiKind == null ? "entreprise" : apiKind));
        redis.key().expire(RedisGuard.tokenKey(issued.jti()), 600);
        return issued;
    }

    /** A sandbox identity (LEFEBVRE Alexis Gérôme Jean-Philippe, born 1982-12-27 at 08480) and {@code extra}. */
    static String identity(String nom) {
        return "recipient=" + RECIPIENT + "&nomNaissance=" + nom + "&prenoms%5B%5D=ALEXIS&prenoms%5B%5D=G%C3%89R%C3%94ME"
                + "&prenoms%5B%5D=JEAN-PHILIPPE&anneeDateNaissance=1982&moisDateNaissance=12&jourDateNaissance=27"
                + "&sexeEtatCivil=F&codeCogInseePaysNaissance=99100&codeCogInseeCommuneNaissance=08480";
    }

    Response get(String bearer, String path, String query, String requestId) {
        return given().urlEncodingEnabled(false).header("Authorization", "Bearer " + bearer)
                .header("X-Request-ID", requestId).when().get(path + "?" + query);
    }

    @Test
    void aQuotientFamilialIsMaskedToTheScopesForwardedWithWireNamesAndNeverCached() throws Exception {
        LocalJwks.Issued t = token("particulier", List.of("cnaf_quotient_familial", "cnaf_enfants"), 0);
        String requestId = "test-" + UUID.randomUUID();
        ParticulierProviders.RECEIVED.clear();
        get(t.token(), QF, identity("LEFEBVRE") + "&inconnu=ignored&annee=2025&mois=3", requestId).then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .header("RateLimit-Limit", "20")
                .body("data.quotient_familial.valeur", equalTo(2550))
                .body("data.enfants[0].prenoms", equalTo("LUC"))
                .body("data", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("allocataires")))
                .body("data", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("adresse")));
        ParticulierProviders.Received received = ParticulierProviders.RECEIVED.get(0);
        assertEquals("api_particulier_v3_cnav_quotient_familial_with_civility", received.operation());
        assertTrue(received.credential());
        assertEquals(QF + "?" + identity("LEFEBVRE") + "&annee=2025&mois=3", received.pathAndQuery());

        JsonNode event = journalEvent(requestId);
        JsonNode parameters = event.get("parameters");
        assertEquals(RECIPIENT, parameters.get("recipient").asText());
        for (String personal : List.of("nomNaissance", "prenoms[]", "anneeDateNaissance", "jourDateNaissance", "annee",
                "codeCogInseeCommuneNaissance", "sexeEtatCivil")) {
            assertTrue(parameters.get(personal).asText().startsWith("hmac-sha256:"), personal + ": " + parameters.get(personal));
        }
        assertEquals("particulier", event.get("api_kind").asText());
        assertEquals(200, event.get("status").asInt());
    }

    @Test
    void eachApiOpensOnlyItsOwnRoutes() throws Exception {
        LocalJwks.Issued entreprise = token(null, List.of("cnaf_quotient_familial", "unites_legales_etablissements_insee"), 0);
        get(entreprise.token(), QF, identity("LEFEBVRE"), "test-" + UUID.randomUUID()).then()
                .statusCode(403).body("errors[0].code", equalTo("00100"))
                .header("Cache-Control", "no-store");
        LocalJwks.Issued particulier = token("particulier", List.of("cnaf_quotient_familial", "unites_legales_etablissements_insee"), 0);
        get(particulier.token(), "/v3/insee/sirene/unites_legales/418166096", "context=c&object=o&recipient=" + RECIPIENT,
                "test-" + UUID.randomUUID()).then().statusCode(403).body("errors[0].code", equalTo("00100"));
        LocalJwks.Issued noScope = token("particulier", List.of("mesri_identite"), 0);
        get(noScope.token(), QF, identity("LEFEBVRE"), "test-" + UUID.randomUUID()).then()
                .statusCode(403).body("errors[0].code", equalTo("00100"))
                .body("errors[0].meta.missing_scopes", hasItems("cnaf_quotient_familial", "cnaf_adresse"));
    }

    @Test
    void aMalformedIdentityIsOne422WithEveryErrorAndNoProviderCall() throws Exception {
        LocalJwks.Issued t = token("particulier", List.of("cnaf_quotient_familial"), 0);
        ParticulierProviders.RECEIVED.clear();
        String requestId = "test-" + UUID.randomUUID();
        get(t.token(), QF, "recipient=123&nomNaissance=DUP0NT&prenoms%5B%5D=&anneeDateNaissance=1982&moisDateNaissance=13"
                + "&sexeEtatCivil=Z&codeCogInseePaysNaissance=99100&codeCogInseeCommuneNaissance=08480", requestId).then()
                .statusCode(422)
                .header("Cache-Control", "no-store")
                .body("errors.code", hasItems("00210", "00420", "00367", "00363", "00427"))
                .body("errors.source.parameter", hasItems("recipient", "nomNaissance", "prenoms[]", "moisDateNaissance", "sexeEtatCivil"));
        assertTrue(ParticulierProviders.RECEIVED.isEmpty());
        JsonNode event = journalEvent(requestId);
        assertEquals(422, event.get("status").asInt());
        assertFalse(event.toString().contains("DUP0NT"));
    }

    @Test
    void twentyFiveCallsInABurstServeAtMostTheGroupQuota() throws Exception {
        LocalJwks.Issued t = token("particulier", List.of("cnaf_quotient_familial"), 0);
        // One call first: this replica then knows the token's state, so that a Redis slowed down by a
        // loaded machine (degraded mode, local limits) still decides the burst by quota.
        get(t.token(), QF, identity("WARMUP"), "test-" + UUID.randomUUID()).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(25);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Distinct identities: the duplicate guard must not be what refuses them.
            String nom = "MARTIN" + (char) ('A' + i);
            calls.add(pool.submit(() -> {
                start.await();
                return get(t.token(), QF, identity(nom), "test-" + UUID.randomUUID());
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int served = 0;
        int limited = 0;
        for (Future<Response> f : calls) {
            Response r = f.get();
            if (r.statusCode() == 200) {
                served++;
            } else {
                assertEquals(429, r.statusCode(), r.asString());
                assertEquals("00429", r.jsonPath().getString("errors[0].code"));
                assertTrue(Integer.parseInt(r.getHeader("Retry-After")) >= 1);
                limited++;
            }
        }
        long elapsedMs = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();
        assertEquals(25, served + limited);
        // 20 in any window of one second (the warm-up call of this token included).
        assertTrue(served <= 20 * (1 + elapsedMs / 1000), served + " served in " + elapsedMs + " ms");
        if (elapsedMs < 1000) {
            assertTrue(served <= 19, served + " served in " + elapsedMs + " ms");
        }
        System.out.printf("Particulier burst: %d served, %d refused 429, in %d ms%n", served, limited, elapsedMs);
    }

    @Test
    void aFranceConnectRouteTakesNoGuichetToken() throws Exception {
        LocalJwks.Issued t = token("particulier", List.of("cnaf_quotient_familial"), 0);
        String requestId = "test-" + UUID.randomUUID();
        // A Guichet token is not a FranceConnect token: FranceConnect's refusal, traced.
        get(t.token(), "/v3/dss/quotient_familial/france_connect", "recipient=" + RECIPIENT, requestId).then()
                .statusCode(401).body("errors[0].code", org.hamcrest.Matchers.startsWith("5000"))
                .header("Cache-Control", "no-store");
        assertEquals(401, journalEvent(requestId).get("status").asInt());
    }

    @Test
    void privilegesAndPingsKnowApiParticulier() throws Exception {
        LocalJwks.Issued t = token("particulier", List.of("cnaf_quotient_familial", "cnaf_enfants"), 0);
        given().header("Authorization", "Bearer " + t.token()).when().get("/privileges").then().statusCode(200)
                .body("data.privileges", hasItems("cnaf_quotient_familial", "cnaf_enfants"))
                .body("data.operations", hasItems("api_particulier_v3_cnav_quotient_familial_with_civility",
                        "api_particulier_v3_cnav_quotient_familial_with_france_connect"))
                .body("data.operations", org.hamcrest.Matchers.not(hasItems("api_particulier_v3_mesri_statut_etudiant_with_ine")));
        given().when().get("/ping/dss").then().statusCode(200).body("status", equalTo("ok"));
        given().when().get("/ping/france_travail").then().statusCode(200);
        given().when().get("/ping/mesri").then().statusCode(502);
        given().when().get("/ping/men").then().statusCode(502);
        given().when().get("/pings").then().body("keySet()", hasItems("cnav", "education", "status"))
                .body("cnav.status", equalTo("ok"));
    }

    /** No name, first name, birth date or place sent on a Particulier route reaches a log line or a trace in clear. */
    @Test
    void identitiesNeverReachLogsNorTraces() throws Exception {
        LocalJwks.Issued t = token("particulier", List.of("cnaf_quotient_familial", "mesri_identite"), 0);
        List<String> ids = new ArrayList<>();
        for (String query : List.of(identity("ZYGOMATIQUE"), identity("ZYGOMATIQUE") + "&mois=99",
                identity("ZYGOMATIQUE").replace("recipient=" + RECIPIENT, "recipient=ZYGOMATIQUE"))) {
            String id = "test-" + UUID.randomUUID();
            ids.add(id);
            get(t.token(), QF, query, id);
        }
        // An unreachable adapter (education) logs its failure: never the query it was sent.
        String id = "test-" + UUID.randomUUID();
        ids.add(id);
        get(t.token(), "/v3/mesri/statut_etudiant/identite", "recipient=" + RECIPIENT + "&nomNaissance=ZYGOMATIQUE"
                + "&prenoms%5B%5D=ALEXIS&anneeDateNaissance=1982&moisDateNaissance=12&jourDateNaissance=27&sexeEtatCivil=F", id)
                .then().statusCode(502);
        // Unknown data path, no token: still never in clear.
        String unknown = "test-" + UUID.randomUUID();
        ids.add(unknown);
        given().urlEncodingEnabled(false).header("X-Request-ID", unknown).when()
                .get("/v3/dss/nowhere?nomNaissance=ZYGOMATIQUE").then().statusCode(404);
        String anonymous = "test-" + UUID.randomUUID();
        ids.add(anonymous);
        given().urlEncodingEnabled(false).header("X-Request-ID", anonymous).when()
                .get(QF + "?nomNaissance=ZYGOMATIQUE&jourDateNaissance=27").then().statusCode(401);
        for (String requestId : ids) {
            String event = journalEvent(requestId).toString();
            // Digits only as a whole value: random identifiers and hashes hold digit runs of their own.
            assertFalse(event.contains("ZYGOMATIQUE") || event.contains("ALEXIS") || event.contains("\"1982\"")
                    || event.contains("=1982"), event);
        }
        assertTrue(LOGS.stream().anyMatch(l -> l.contains("education")), "the unreachable adapter was logged");
        for (String line : List.copyOf(LOGS)) {
            assertFalse(line.contains("ZYGOMATIQUE") || line.contains("ALEXIS") || line.contains("=08480")
                    || line.contains("\"08480\""), line);
        }
    }

    private JsonNode journalEvent(String requestId) throws Exception {
        return JournalEvents.of(journal, mapper, requestId);
    }
}
