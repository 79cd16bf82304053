package fr.guichet.trace.query;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fr.guichet.common.trace.KeyedHash;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.support.Db;
import fr.guichet.trace.support.SessionTokens;
import fr.guichet.trace.support.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An auditor holding a person's identity finds the API Particulier calls about that person, whose
 * traces keep the identity only as the gateway's keyed hash; the search is on record, with hashes
 * only, and the identity is in no log line. Real PostgreSQL.
 */
@QuarkusTest
class IdentitySearchTest {

    /** The gateway's hash under the %test salt (both services' {@code test-trace-salt}). */
    static final KeyedHash GATEWAY = new KeyedHash("test-trace-salt");
    static final String QF = "api_particulier_v3_cnav_quotient_familial_with_civility";

    @Inject
    IngestionService ingestion;

    @Inject
    AgroalDataSource db;

    // a name no other test uses, so that counts are this test's own
    final String name = "NOM" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    final String other = "AUTRE" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase(Locale.ROOT);
    String jeanPaul;
    String jean;
    String otherPerson;

    /** A Particulier call as the gateway traces it: recipient in clear, every identity parameter hashed. */
    TraceEvent particulierCall(String nom, String prenoms, String mois, Instant at) {
        Instant ts = at.truncatedTo(ChronoUnit.MICROS);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("recipient", "13002526500013");
        params.put("nomNaissance", GATEWAY.hash(nom));
        params.put("prenoms[]", GATEWAY.hash(prenoms));
        params.put("anneeDateNaissance", GATEWAY.hash("1980"));
        params.put("moisDateNaissance", GATEWAY.hash(mois));
        params.put("sexeEtatCivil", GATEWAY.hash("M"));
        UUID id = UuidV7.at(ts.toEpochMilli());
        return new TraceEvent(id, ts, TraceEvent.Kind.API_CALL, "req-" + id, UUID.randomUUID().toString(), "hab-1",
                "21750001600019", "particulier", "GET", QF, "/v3/dss/quotient_familial/identite", params, "203.0.113.7",
                "curl/8.0", 200, null, "cnav", 12L, null, null, null);
    }

    @BeforeEach
    void threeCalls() {
        Instant now = Instant.now();
        TraceEvent a = particulierCall(name, "JEAN,PAUL", "09", now.minusSeconds(30));
        TraceEvent b = particulierCall(name, "JEAN", "9", now.minusSeconds(20));
        TraceEvent c = particulierCall(other, "JEAN", "9", now.minusSeconds(10));
        ingestion.store(List.of(a, b, c), "gateway");
        jeanPaul = a.id().toString();
        jean = b.id().toString();
        otherPerson = c.id().toString();
    }

    static io.restassured.specification.RequestSpecification as(String token) {
        return given().header("Authorization", SessionTokens.bearer(token)).contentType(ContentType.JSON);
    }

    @Test
    void findsTheCallsAboutThePersonWhateverTheCaseOrLeadingZeroSent() {
        as(SessionTokens.auditor()).body(Map.of("parameters", Map.of("nomNaissance", name.toLowerCase(Locale.ROOT))))
                .post("/admin/traces/identity-search")
                .then().statusCode(200).body("data.id", containsInAnyOrder(jeanPaul, jean))
                .body("data[0].parameters.nomNaissance", equalTo(GATEWAY.hash(name)));

        as(SessionTokens.admin()).body(Map.of("parameters", Map.of("nomNaissance", name, "prenoms", List.of("Jean", "Paul"),
                        "moisDateNaissance", 9, "anneeDateNaissance", "1980")))
                .post("/admin/traces/identity-search")
                .then().statusCode(200).body("data", hasSize(1)).body("data[0].id", equalTo(jeanPaul));

        as(SessionTokens.auditor()).body(Map.of("parameters", Map.of("nomNaissance", name, "prenoms[]", List.of("JEAN")),
                        "operation", QF, "organisation", "21750001600019"))
                .post("/admin/traces/identity-search")
                .then().statusCode(200).body("data.id", containsInAnyOrder(jean));
    }

    @Test
    void theSearchIsOnRecordWithHashesOnlyAndTheIdentityIsInNoLogLine() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        as(SessionTokens.auditor()).body(Map.of("parameters", Map.of("nomNaissance", name, "prenoms", List.of("JEAN"))))
                .post("/admin/traces/identity-search").then().statusCode(200);

        assertEquals(1, Db.count(db, "select count(*) from trace_event where kind = 'ADMIN_ACTION'"
                + " and action = 'trace_identity_search' and actor = 'auditor@guichet.test' and method = 'POST'"
                + " and parameters->>'identity.nomNaissance' = ? and parameters->>'identity.prenoms' = ? and ts >= ?",
                GATEWAY.hash(name), GATEWAY.hash("JEAN"), java.sql.Timestamp.from(before)));
        assertEquals(0, Db.count(db, "select count(*) from trace_event where parameters::text ilike ?", "%" + name + "%"),
                "no trace row holds the name in clear");
        String log = Files.readString(Path.of("target/trace-service-test.log"), StandardCharsets.UTF_8);
        assertFalse(log.toUpperCase(Locale.ROOT).contains(name), "the name is in the log");
    }

    @Test
    void partnersAndAnonymousCallersCannotSearch() {
        as(SessionTokens.partner("21750001600019")).body(Map.of("parameters", Map.of("nomNaissance", name)))
                .post("/admin/traces/identity-search").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("parameters", Map.of("nomNaissance", name)))
                .post("/admin/traces/identity-search").then().statusCode(401);
        given().header("Authorization", TestEvents.GATEWAY_AUTH).contentType(ContentType.JSON)
                .body(Map.of("parameters", Map.of("nomNaissance", name)))
                .post("/admin/traces/identity-search").then().statusCode(403);
    }

    @Test
    void badSearchesAre422sThatNeverEchoTheIdentity() {
        String auditor = SessionTokens.auditor();
        List<Map<String, Object>> bad = List.of(
                Map.of(),
                Map.of("parameters", Map.of()),
                Map.of("parameters", Map.of("recipient", "13002526500013")),
                Map.of("parameters", Map.of("nomNaissance", Map.of("nested", name))),
                Map.of("parameters", Map.of("nomNaissance", name + "x".repeat(600))),
                Map.of("parameters", Map.of("nomNaissance", "  ")),
                Map.of("parameters", Map.of("prenoms", List.of())),
                Map.of("parameters", Map.of("nom naissance", name)),
                Map.of("parameters", Map.of("nomNaissance", name), "organisation", "12345678901234"),
                Map.of("parameters", Map.of("nomNaissance", name), "from", "hier"),
                Map.of("parameters", Map.of("nomNaissance", name), "before", "nope"));
        for (Map<String, Object> body : bad) {
            String answer = as(auditor).body(body).post("/admin/traces/identity-search")
                    .then().statusCode(422).body("errors[0].code", equalTo("00262")).extract().asString();
            assertFalse(answer.contains(name), answer);
        }
        as(auditor).body("{\"parameters\": ").post("/admin/traces/identity-search").then().statusCode(400);
        as(auditor).queryParam("nomNaissance", name).body(Map.of("parameters", Map.of("nomNaissance", name)))
                .post("/admin/traces/identity-search").then().statusCode(400);
    }

    /**
     * A body that does not bind to the search is refused in the API error model, in French and
     * naming the field, never with Jackson's English message and Guichet's class names.
     */
    @Test
    void aMistypedSearchBodyIsRefusedInFrenchNamingTheField() {
        String auditor = SessionTokens.auditor();
        java.util.regex.Pattern jackson = java.util.regex.Pattern.compile(
                "class |fr\\.guichet|java\\.|Cannot |Unrecognized|deserializ|`|\\[Source|line: ");
        Map<String, String> field = Map.of(
                "{\"parameters\": \"nomNaissance\"}", "parameters",
                "{\"parameters\": {\"nomNaissance\": \"X\"}, \"limit\": \"beaucoup\"}", "limit",
                "{\"parameters\": {\"nomNaissance\": \"X\"}, \"organisation\": [1]}", "organisation");
        field.forEach((body, name) -> {
            String answer = as(auditor).body(body).post("/admin/traces/identity-search")
                    .then().statusCode(422).contentType("application/json")
                    .body("errors[0].code", equalTo("00262"))
                    .body("errors[0].source.parameter", equalTo(name))
                    .extract().asString();
            assertFalse(jackson.matcher(answer).find(), answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("« " + name + " »"), answer);
        });
        for (String body : List.of("[]", "\"texte\"", "{\"parameters\": ")) {
            String answer = as(auditor).body(body).post("/admin/traces/identity-search")
                    .then().statusCode(400).contentType("application/json")
                    .body("errors[0].code", equalTo("00261"))
                    .extract().asString();
            assertFalse(jackson.matcher(answer).find(), answer);
        }
    }
}
