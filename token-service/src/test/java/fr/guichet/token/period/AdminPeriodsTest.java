package fr.guichet.token.period;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.token.Fixtures;
import fr.guichet.token.PartnerLogins;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Period rights of a habilitation: the admin API sets and reads them (audited), the partner view
 * shows them, and every token state copy (Redis and {@code /internal/tokens/{jti}}) carries them
 * as {@code periods}, rewritten when they change.
 */
@QuarkusTest
class AdminPeriodsTest {

    static final String DECLARATIVES = "ensu_documents_declaratives_dgfip";
    static final String LIASSES = "liasses_fiscales_dgfip";

    @Inject
    RedisDataSource redis;
    @Inject
    MockMailbox mailbox;

    final ObjectMapper json = new ObjectMapper();
    String admin;
    String email;
    String habilitation;
    String jti;

    @BeforeEach
    void validatedHabilitation() {
        admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        email = "periodes-" + siret + "@example.fr";
        Map<String, Object> body = new HashMap<>(Fixtures.habilitationBody(siret, email));
        body.put("scopes", List.of(DECLARATIVES, LIASSES));
        habilitation = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(201).extract().path("id");
        jti = (String) Fixtures.validate(admin, habilitation).get("jti");
    }

    ValidatableResponse put(String id, Object body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().put("/admin/habilitations/" + id + "/periods").then();
    }

    JsonNode copiedPeriods() throws Exception {
        String field = redis.hash(String.class).hget("guichet:token:" + jti, "periods");
        return field == null || field.isEmpty() ? null : json.readTree(field);
    }

    @Test
    void periodsAreSetReadAuditedShownAndWrittenIntoTheTokenStateCopies() throws Exception {
        assertEquals("", redis.hash(String.class).hget("guichet:token:" + jti, "periods"), "no restriction yet");

        put(habilitation, Map.of("periods", Map.of(
                        DECLARATIVES, Map.of("years", List.of(2024, 2023, 2024)),
                        LIASSES, Map.of("from", "2022-01-01", "to", "2023-12-31")),
                "reason", "Convention ENSU : exercices 2023 et 2024")).statusCode(200)
                .body("habilitation_id", equalTo(habilitation))
                .body("periods." + DECLARATIVES + ".years", equalTo(List.of(2023, 2024)))
                .body("periods." + LIASSES + ".from", equalTo("2022-01-01"))
                .body("periods." + LIASSES + ".to", equalTo("2023-12-31"));

        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation + "/periods").then().statusCode(200)
                .body("periods." + DECLARATIVES + ".years", equalTo(List.of(2023, 2024)));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation).then().statusCode(200)
                .body("periods." + LIASSES + ".to", equalTo("2023-12-31"));

        // The gateway's two sources: the Redis copy and the internal route.
        JsonNode copied = copiedPeriods();
        assertEquals(json.readTree("{\"" + DECLARATIVES + "\":{\"years\":[2023,2024]},\"" + LIASSES
                + "\":{\"from\":\"2022-01-01\",\"to\":\"2023-12-31\"}}"), copied);
        Fixtures.internal().when().get("/internal/tokens/" + jti).then().statusCode(200)
                .body("periods." + DECLARATIVES + ".years", equalTo(List.of(2023, 2024)));

        given().auth().oauth2(admin).queryParam("target_type", "habilitation").queryParam("target_id", habilitation)
                .when().get("/admin/audit-events").then().statusCode(200)
                .body("data.action", hasItem("set_habilitation_periods"));

        // The partner sees the periods of its démarche.
        String session = PartnerLogins.session(mailbox, email);
        given().auth().oauth2(session).when().get("/me/habilitations").then().statusCode(200)
                .body("data.find { it.id == '" + habilitation + "' }.periods." + DECLARATIVES + ".years", equalTo(List.of(2023, 2024)));
    }

    @Test
    void aChangeRewritesTheCopiesAndAnEmptySetLiftsTheRestriction() throws Exception {
        put(habilitation, Map.of("periods", Map.of(DECLARATIVES, Map.of("years", List.of(2024))))).statusCode(200);
        assertEquals(json.readTree("{\"" + DECLARATIVES + "\":{\"years\":[2024]}}"), copiedPeriods());

        put(habilitation, Map.of("periods", Map.of(DECLARATIVES, Map.of("from", "2025-01-01")))).statusCode(200);
        assertEquals(json.readTree("{\"" + DECLARATIVES + "\":{\"from\":\"2025-01-01\"}}"), copiedPeriods());

        put(habilitation, Map.of("periods", Map.of())).statusCode(200).body("periods", equalTo(Map.of()));
        assertEquals(null, copiedPeriods(), "lifting every restriction empties the field");
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation).then().statusCode(200)
                .body("periods", nullValue());
        Fixtures.internal().when().get("/internal/tokens/" + jti).then().statusCode(200).body("periods", nullValue());
    }

    @Test
    void aProlongedTokenInheritsThePeriods() throws Exception {
        put(habilitation, Map.of("periods", Map.of(LIASSES, Map.of("years", List.of(2022))))).statusCode(200);
        String newJti = Fixtures.postReason(admin, "/admin/tokens/" + jti + "/prolong", "Renouvellement")
                .statusCode(201).extract().path("jti");
        jti = newJti;
        assertEquals(json.readTree("{\"" + LIASSES + "\":{\"years\":[2022]}}"), copiedPeriods());
    }

    @Test
    void badPeriodsAre422NamingTheField() {
        put(habilitation, Map.of("reason", "rien")).statusCode(422)
                .body("errors[0].code", equalTo("00801")).body("errors[0].source.parameter", equalTo("periods"));
        put(habilitation, Map.of("periods", Map.of("chiffre_affaires_dgfip", Map.of("years", List.of(2024))))).statusCode(422)
                .body("errors[0].source.parameter", equalTo("periods.chiffre_affaires_dgfip"));
        put(habilitation, Map.of("periods", Map.of(LIASSES, Map.of()))).statusCode(422)
                .body("errors[0].source.parameter", equalTo("periods." + LIASSES));
        put(habilitation, Map.of("periods", Map.of(LIASSES, Map.of("years", List.of(2024), "from", "2024-01-01")))).statusCode(422);
        put(habilitation, Map.of("periods", Map.of(LIASSES, Map.of("years", List.of())))).statusCode(422);
        put(habilitation, Map.of("periods", Map.of(LIASSES, Map.of("years", List.of(24))))).statusCode(422);
        put(habilitation, Map.of("periods", Map.of(LIASSES, Map.of("from", "2024-13-01")))).statusCode(422)
                .body("errors[0].detail", org.hamcrest.Matchers.containsString("2024-13-01"));
        put(habilitation, Map.of("periods", Map.of(LIASSES, Map.of("from", "2024-02-01", "to", "2024-01-01")))).statusCode(422);
        put(habilitation, "[1]").statusCode(org.hamcrest.Matchers.lessThan(500));
        put("00000000-0000-0000-0000-000000000000", Map.of("periods", Map.of())).statusCode(404)
                .body("errors[0].code", equalTo("00003"));
        put("not-a-uuid", Map.of("periods", Map.of())).statusCode(404);
    }

    @Test
    void onlyAnAdminSetsPeriodsAndARevokedHabilitationKeepsItsOwn() {
        given().contentType(ContentType.JSON).body(Map.of("periods", Map.of()))
                .when().put("/admin/habilitations/" + habilitation + "/periods").then().statusCode(401);
        Fixtures.postReason(admin, "/admin/habilitations/" + habilitation + "/revoke", "Fin de la convention").statusCode(200);
        put(habilitation, Map.of("periods", Map.of())).statusCode(409).body("errors[0].code", equalTo("00802"));
    }
}
