package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.time.TimeSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Notices of technical change, with a fixed clock (Thursday 29 April 2027, 10:00 in Paris): a date
 * inside the notice period of the affected APIs is refused with the earliest date allowed; one
 * outside is announced, by one mail each, to exactly the technical contacts of the validated
 * habilitations using an affected operation, and the record says who was told when.
 */
@QuarkusTest
class ChangeNoticeTest {

    static final Instant NOW = Instant.parse("2027-04-29T08:00:00Z");
    static final String ENSU_USAGERS = "api_entreprise_v3_dgfip_ensu_documents_usagers";
    static final String ENSU_SCOPE = "ensu_documents_declaratives_dgfip";
    static final String OTHER_ENSU_SCOPE = "ensu_documents_bancaires_dgfip";

    @Inject
    MockMailbox mailbox;

    @Test
    void ensuNoticeCountsFourteenWorkingDaysAcrossAscensionAndWhitMonday() {
        String admin = Fixtures.adminToken();
        QuarkusMock.installMockForType(new TestClock(NOW), TimeSource.class);
        // 14 weekdays after 29 April is 19 May; Ascension (6 May) and Whit Monday (17 May) push it to 21 May.
        announce(admin, List.of(), List.of(ENSU_USAGERS), "2027-05-20").statusCode(422)
                .body("errors[0].code", equalTo("00801"))
                .body("errors[0].source.parameter", equalTo("production_date"))
                .body("errors[0].meta.earliest_date", equalTo("2027-05-21"))
                .body("errors[0].detail", containsString("14 jours ouvrés"))
                .body("errors[0].detail", containsString("21 mai 2027"));
        announce(admin, List.of(), List.of(ENSU_USAGERS), "2027-05-21").statusCode(201)
                .body("earliest_date", equalTo("2027-05-21")).body("urgent", equalTo(false));
        // In an emergency, 7 working days: Ascension skipped, Tuesday 11 May.
        announce(admin, List.of(), List.of(ENSU_USAGERS), "2027-05-10", true).statusCode(422)
                .body("errors[0].meta.earliest_date", equalTo("2027-05-11"))
                .body("errors[0].detail", containsString("7 jours ouvrés en urgence"));
        announce(admin, List.of(), List.of(ENSU_USAGERS), "2027-05-11", true).statusCode(201)
                .body("urgent", equalTo(true));
        // API Particulier's terms know no emergency: still six months.
        announce(admin, List.of("particulier"), List.of(), "2027-10-28", true).statusCode(422)
                .body("errors[0].meta.earliest_date", equalTo("2027-10-29"));
    }

    @Test
    void particulierNoticeIsSixMonthsAndTheLongestWins() {
        String admin = Fixtures.adminToken();
        QuarkusMock.installMockForType(new TestClock(NOW), TimeSource.class);
        // An ENSU operation and API Particulier: six months wins over 14 working days.
        announce(admin, List.of("particulier"), List.of(ENSU_USAGERS), "2027-10-28").statusCode(422)
                .body("errors[0].meta.earliest_date", equalTo("2027-10-29"))
                .body("errors[0].detail", containsString("6 mois (API Particulier)"));
        // Any other operation: the default (one month in this profile's configuration).
        announce(admin, List.of(), List.of("api_entreprise_v3_insee_unites_legales"), "2027-05-28").statusCode(422)
                .body("errors[0].meta.earliest_date", equalTo("2027-05-29"));
        announce(admin, List.of("entreprise"), List.of(), "2027-05-29").statusCode(201);
        // A date already past is inside every notice period.
        announce(admin, List.of(), List.of(ENSU_USAGERS), "2027-04-28").statusCode(422)
                .body("errors[0].source.parameter", equalTo("production_date"));
    }

    @Test
    void invalidRequestsNameEachField() {
        String admin = Fixtures.adminToken();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", " ", "apis", List.of("entreprises"), "operations", List.of("nope"), "production_date", "01/06/2027"))
                .when().post("/admin/changes").then().statusCode(422)
                .body("errors.source.parameter", equalTo(List.of("title", "description", "apis", "operations", "production_date")));
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "T", "description", "D", "production_date", "2099-01-01"))
                .when().post("/admin/changes").then().statusCode(422)
                .body("errors[0].source.parameter", equalTo("operations"));
        given().auth().oauth2(admin).when().get("/admin/changes/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .body("errors[0].code", equalTo("00003"));
        given().when().get("/admin/changes").then().statusCode(401);
    }

    @Test
    void announcedToExactlyTheTechnicalContactsOfHabilitationsUsingAnAffectedOperation() {
        String admin = Fixtures.adminToken();
        String tag = Fixtures.siret();
        String orgA = Fixtures.createOrganisation(admin, Fixtures.siret());
        String orgB = Fixtures.createOrganisation(admin, Fixtures.siret());
        String sharedTech = "tech-shared-" + tag + "@example.fr";
        // Told: two habilitations (two organisations) whose technical contact is one address, each
        // holding a scope of the ENSU operation (declaratives, bancaires); and a third one.
        String a = validated(admin, orgA, List.of(ENSU_SCOPE), "dem-a-" + tag, sharedTech, "met-a-" + tag);
        String b = validated(admin, orgB, List.of(OTHER_ENSU_SCOPE, Fixtures.SCOPE), "dem-b-" + tag, sharedTech, "met-b-" + tag);
        String c = validated(admin, orgB, List.of(ENSU_SCOPE), "dem-c-" + tag, "tech-c-" + tag + "@example.fr", "met-c-" + tag);
        // Not told: a habilitation without an ENSU scope, one not validated, one revoked.
        validated(admin, orgA, List.of(Fixtures.SCOPE), "dem-d-" + tag, "tech-d-" + tag + "@example.fr", "met-d-" + tag);
        create(admin, orgA, List.of(ENSU_SCOPE), "dem-e-" + tag, "tech-e-" + tag + "@example.fr", "met-e-" + tag);
        String revoked = validated(admin, orgA, List.of(ENSU_SCOPE), "dem-f-" + tag, "tech-f-" + tag + "@example.fr", "met-f-" + tag);
        Fixtures.postReason(admin, "/admin/habilitations/" + revoked + "/revoke", "Fin de la démarche").statusCode(200);

        QuarkusMock.installMockForType(new TestClock(NOW), TimeSource.class);
        JsonPath answer = announce(admin, List.of(), List.of(ENSU_USAGERS), "2027-06-01").statusCode(201)
                .body("production_date", equalTo("2027-06-01"))
                .body("announced_at", equalTo(NOW.toString()))
                .extract().jsonPath();
        String id = answer.getString("id");

        // The record: who was told (our addresses among every validated ENSU habilitation's), for which, when.
        JsonPath detail = given().auth().oauth2(admin).when().get("/admin/changes/" + id).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> notices = detail.getList("notices");
        Map<String, Map<String, Object>> ours = notices.stream().filter(n -> String.valueOf(n.get("email")).contains(tag))
                .collect(Collectors.toMap(n -> (String) n.get("email"), n -> n));
        assertEquals(Set.of(sharedTech, "tech-c-" + tag + "@example.fr"), ours.keySet());
        assertEquals(new TreeSet<>(List.of(a, b)), new TreeSet<>((List<?>) ours.get(sharedTech).get("habilitation_ids")));
        assertEquals(List.of(c), ours.get("tech-c-" + tag + "@example.fr").get("habilitation_ids"));
        for (Map<String, Object> n : ours.values()) {
            assertEquals(NOW.toString(), n.get("sent_at"), "sent before the answer");
            assertEquals(NOW.toString(), n.get("recorded_at"));
            assertEquals(1, n.get("attempts"));
        }

        // The mails: one per address, naming its démarches; nobody else of ours was written to.
        List<Mail> shared = mailbox.getMailsSentTo(sharedTech);
        assertEquals(1, shared.size(), "one mail for two habilitations");
        Mail mail = shared.get(0);
        assertTrue(mail.getSubject().contains("1 juin 2027") && mail.getSubject().contains("Nouveau format"), mail.getSubject());
        assertTrue(mail.getText().contains("Organisation " + orgA) && mail.getText().contains("Organisation " + orgB), mail.getText());
        assertTrue(mail.getText().contains(ENSU_USAGERS), mail.getText());
        assertTrue(mail.getText().contains("https://partenaires.guichet.test/aide"), mail.getText());
        assertEquals(1, mailbox.getMailsSentTo("tech-c-" + tag + "@example.fr").size());
        for (String silent : List.of("tech-d-", "tech-e-", "tech-f-", "dem-a-", "met-a-", "dem-b-", "met-b-", "dem-c-", "met-c-")) {
            assertEquals(0, mailbox.getMailsSentTo(silent + tag + "@example.fr").size(), silent);
        }

        // Audited with the existing audit of admin actions.
        given().auth().oauth2(admin).queryParam("target_type", "change").queryParam("target_id", id)
                .when().get("/admin/audit-events").then().statusCode(200)
                .body("data.action", hasItem("announce_change"));

        // Partners: the démarches it affects; the public list without recipients.
        String session = PartnerLogins.session(mailbox, "tech-c-" + tag + "@example.fr");
        JsonPath mine = given().auth().oauth2(session).when().get("/me/changes").then().statusCode(200).extract().jsonPath();
        Map<String, Object> seen = mine.getMap("data.find { it.id == '" + id + "' }");
        assertEquals(List.of(Map.of("id", c, "intitule", "Aides aux entreprises")), seen.get("habilitations"),
                "only the démarches the person is a contact of: " + seen);
        String otherSession = PartnerLogins.session(mailbox, "dem-d-" + tag + "@example.fr");
        given().auth().oauth2(otherSession).when().get("/me/changes").then().statusCode(200)
                .body("data.find { it.id == '" + id + "' }", nullValue());
        JsonPath published = given().when().get("/changes").then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = published.getMap("data.find { it.id == '" + id + "' }");
        assertEquals("2027-06-01", item.get("production_date"));
        assertFalse(item.containsKey("notices") || item.containsKey("announced_by") || item.containsKey("habilitations"), item.toString());
        List<String> dates = published.getList("data.production_date");
        List<String> sorted = dates.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(sorted, dates, "newest production date first");
        assertNull(published.get("data[0].notices"));
    }

    @Test
    void particulierChangeTellsOnlyParticulierHabilitations() {
        String admin = Fixtures.adminToken();
        String tag = Fixtures.siret();
        String org = Fixtures.createOrganisation(admin, Fixtures.siret());
        Map<String, Object> body = new HashMap<>(body(org, List.of("cnaf_quotient_familial"), "dem-p-" + tag,
                "tech-p-" + tag + "@example.fr", "met-p-" + tag));
        body.put("api_kind", "particulier");
        String p = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(201).extract().path("id");
        Fixtures.validate(admin, p);
        validated(admin, org, List.of(ENSU_SCOPE), "dem-q-" + tag, "tech-q-" + tag + "@example.fr", "met-q-" + tag);

        QuarkusMock.installMockForType(new TestClock(NOW), TimeSource.class);
        String id = announce(admin, List.of("particulier"), List.of(), LocalDate.parse("2027-10-29").toString()).statusCode(201)
                .extract().path("id");
        List<Map<String, Object>> notices = given().auth().oauth2(admin).when().get("/admin/changes/" + id).then().statusCode(200)
                .extract().jsonPath().getList("notices");
        assertEquals(Set.of("tech-p-" + tag + "@example.fr"), notices.stream().map(n -> (String) n.get("email"))
                .filter(e -> e.contains(tag)).collect(Collectors.toSet()));
        assertEquals(1, mailbox.getMailsSentTo("tech-p-" + tag + "@example.fr").size());
        assertEquals(0, mailbox.getMailsSentTo("tech-q-" + tag + "@example.fr").size());
        given().auth().oauth2(admin).queryParam("per_page", 200).when().get("/admin/changes").then().statusCode(200)
                .body("data.find { it.id == '" + id + "' }.apis", equalTo(List.of("particulier")))
                .body("data.find { it.id == '" + id + "' }.notices", nullValue())
                .body("meta.total", notNullValue());
    }

    private static ValidatableResponse announce(String admin, List<String> apis, List<String> operations, String date) {
        return announce(admin, apis, operations, date, false);
    }

    private static ValidatableResponse announce(String admin, List<String> apis, List<String> operations, String date,
                                                boolean urgent) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("title", "Nouveau format des documents", "description", "Le champ date_depot devient obligatoire.",
                        "apis", apis, "operations", operations, "production_date", date, "urgent", urgent))
                .when().post("/admin/changes").then();
    }

    private static Map<String, Object> body(String siret, List<String> scopes, String demandeur, String technique, String metier) {
        Map<String, Object> body = new HashMap<>(Fixtures.habilitationBody(siret, demandeur + "@example.fr"));
        body.put("scopes", scopes);
        body.put("contacts", Map.of("demandeur", Map.of("email", demandeur + "@example.fr"),
                "technique", Map.of("email", technique), "metier", Map.of("email", metier + "@example.fr")));
        return body;
    }

    private static String create(String admin, String siret, List<String> scopes, String demandeur, String technique, String metier) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body(siret, scopes, demandeur, technique, metier))
                .when().post("/admin/habilitations").then().statusCode(201).extract().path("id");
    }

    private static String validated(String admin, String siret, List<String> scopes, String demandeur, String technique,
                                     String metier) {
        String id = create(admin, siret, scopes, demandeur, technique, metier);
        Fixtures.validate(admin, id);
        return id;
    }
}
