package fr.guichet.token.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.token.Fixtures;
import fr.guichet.token.PartnerLogins;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A partner's request for a new démarche: catalogue, validation, creation, follow-up, visibility. */
@QuarkusTest
class HabilitationRequestTest {

    @Inject
    MockMailbox mailbox;

    String admin;
    String siretA;
    String emailA;
    String sessionA;

    @BeforeEach
    void partnerOfAnOrganisation() {
        admin = Fixtures.adminToken();
        siretA = Fixtures.createOrganisation(admin, Fixtures.siret());
        emailA = "demandeur-" + siretA + "@example.fr";
        Fixtures.validate(admin, Fixtures.createHabilitation(admin, siretA, emailA));
        sessionA = PartnerLogins.session(mailbox, emailA);
    }

    static Map<String, Object> request(String intitule) {
        Map<String, Object> body = new HashMap<>();
        body.put("api_kind", "entreprise");
        body.put("intitule", intitule);
        body.put("legal_basis", "Article L. 2141-2 du code de la commande publique");
        body.put("scopes", List.of("unites_legales_etablissements_insee", "attestation_fiscale_dgfip"));
        body.put("expected_volume_per_day", 1200);
        body.put("recipients", "Agents instructeurs du service des marchés publics");
        body.put("contacts", Map.of("technique", Map.of("email", "Tech@Example.fr", "phone", "01 02 03 04 05"),
                "metier", Map.of("email", "metier@example.fr")));
        body.put("terms_accepted", true);
        return body;
    }

    static io.restassured.response.ValidatableResponse post(String session, Object body) {
        return given().auth().oauth2(session).contentType(ContentType.JSON).body(body)
                .when().post("/me/habilitation-requests").then();
    }

    @Test
    void catalogueGroupsScopesByProviderWithWhatEachGives() {
        JsonPath catalogue = given().auth().oauth2(sessionA).queryParam("api_kind", "entreprise")
                .when().get("/me/habilitation-requests/catalogue").then().statusCode(200).extract().jsonPath();
        Map<String, Object> insee = catalogue.getMap("data.find { it.provider == 'insee' }");
        assertEquals("INSEE", insee.get("label"));
        // The label comes from the operations the scope opens (guichet/operations/insee.yml summaries).
        String label = catalogue.getString("data.find { it.provider == 'insee' }.scopes"
                + ".find { it.scope == 'unites_legales_etablissements_insee' }.label");
        assertTrue(label.contains("Données unité légale"), label);
        // An operation without its own summary takes the reference OpenAPI's (DGFIP: « Attestation fiscale »).
        String dgfip = catalogue.getString("data.find { it.provider == 'dgfip' }.scopes"
                + ".find { it.scope == 'attestation_fiscale_dgfip' }.label");
        assertTrue(dgfip.contains("Attestation fiscale"), dgfip);
        // Guichet's ENSU scopes, from the extension catalogue, under DGFIP.
        assertTrue(catalogue.getList("data.find { it.provider == 'dgfip' }.scopes.scope")
                .contains("ensu_documents_declaratives_dgfip"));
        // API Particulier scopes only under api_kind=particulier.
        assertFalse(catalogue.getList("data.provider").contains("cnav"));
        given().auth().oauth2(sessionA).queryParam("api_kind", "particulier")
                .when().get("/me/habilitation-requests/catalogue").then().statusCode(200)
                .body("data.provider", hasItem("cnav"))
                .body("data.find { it.provider == 'cnav' }.scopes.scope", hasItem("cnaf_quotient_familial"));
        given().auth().oauth2(sessionA).queryParam("api_kind", "autre")
                .when().get("/me/habilitation-requests/catalogue").then().statusCode(422)
                .body("errors[0].source.parameter", equalTo("api_kind"));
    }

    @Test
    void everyCatalogueScopeIsAcceptedByTheRequest() {
        List<String> scopes = given().auth().oauth2(sessionA).when().get("/me/habilitation-requests/catalogue")
                .then().statusCode(200).extract().jsonPath().getList("data.scopes.flatten().scope");
        Map<String, Object> body = request("Tout le catalogue");
        body.put("scopes", scopes);
        post(sessionA, body).statusCode(201);
    }

    @Test
    void everyBadFieldIsReportedInOneAnswer() {
        Map<String, Object> body = new HashMap<>();
        body.put("api_kind", "entreprise");
        body.put("scopes", List.of("no_such_scope"));
        body.put("expected_volume_per_day", 0);
        body.put("contacts", Map.of("technique", Map.of("email", "pas-une-adresse")));
        post(sessionA, body).statusCode(422)
                .body("errors.code", everyItem(equalTo("00801")))
                .body("errors.source.parameter", containsInAnyOrder("intitule", "legal_basis", "scopes",
                        "expected_volume_per_day", "recipients", "terms_accepted", "contacts.technique.email",
                        "contacts.metier.email"));
        given().auth().oauth2(sessionA).when().get("/me/habilitation-requests").then().statusCode(200)
                .body("data", equalTo(List.of()));
    }

    @Test
    void termsNotAcceptedIsRefused() {
        Map<String, Object> body = request("Sans CGU");
        body.put("terms_accepted", false);
        post(sessionA, body).statusCode(422)
                .body("errors.size()", equalTo(1))
                .body("errors[0].source.parameter", equalTo("terms_accepted"));
        body.remove("terms_accepted");
        post(sessionA, body).statusCode(422).body("errors[0].source.parameter", equalTo("terms_accepted"));
    }

    @Test
    void theRequestIsASubmittedHabilitationOfTheSessionsOrganisationAndIsAudited() {
        JsonPath created = post(sessionA, request("Marchés publics")).statusCode(201)
                .body("status", equalTo("submitted"))
                .body("organisation_siret", equalTo(siretA))
                .body("api_kind", equalTo("entreprise"))
                .body("environment", equalTo("production"))
                .body("scopes", equalTo(List.of("unites_legales_etablissements_insee", "attestation_fiscale_dgfip")))
                .body("expected_volume_per_day", equalTo(1200))
                .body("recipients", equalTo("Agents instructeurs du service des marchés publics"))
                .body("terms_accepted_at", notNullValue())
                .body("contacts.demandeur.email", equalTo(emailA))
                .body("contacts.technique.email", equalTo("tech@example.fr"))
                .body("contacts.metier.email", equalTo("metier@example.fr"))
                .body("decision_reason", nullValue())
                .extract().jsonPath();
        String id = created.getString("id");
        // In the operators' queue.
        given().auth().oauth2(admin).queryParam("status", "submitted").queryParam("siret", siretA)
                .when().get("/admin/habilitations").then().statusCode(200).body("data.id", hasItem(id));
        given().auth().oauth2(admin).queryParam("target_type", "habilitation").queryParam("target_id", id)
                .when().get("/admin/audit-events").then().statusCode(200)
                .body("data.action", hasItem("request_habilitation"))
                .body("data.actor", hasItem("partner:" + emailA));
    }

    @Test
    void refusalReasonAndValidationAreVisibleToThePartner() {
        String refused = post(sessionA, request("Refusée")).statusCode(201).extract().path("id");
        String validated = post(sessionA, request("Validée")).statusCode(201).extract().path("id");
        Fixtures.postReason(admin, "/admin/habilitations/" + refused + "/refuse", "Cadre juridique insuffisant")
                .statusCode(200).body("decision_reason", equalTo("Cadre juridique insuffisant"))
                .body("decided_at", notNullValue());
        Fixtures.validate(admin, validated);
        JsonPath list = given().auth().oauth2(sessionA).when().get("/me/habilitation-requests")
                .then().statusCode(200).extract().jsonPath();
        // Newest first.
        assertEquals(List.of(validated, refused), list.getList("data.id"));
        assertEquals("refused", list.getString("data[1].status"));
        assertEquals("Cadre juridique insuffisant", list.getString("data[1].decision_reason"));
        assertTrue(list.getString("data[1].decided_at") != null);
        assertEquals("validated", list.getString("data[0].status"));
        assertEquals("Dossier complet", list.getString("data[0].decision_reason"));
    }

    @Test
    void aPersonSeesOnlyTheRequestsOfItsOrganisationItMadeOrIsAContactOf() {
        String siretB = Fixtures.createOrganisation(admin, Fixtures.siret());
        String emailB = "demandeur-" + siretB + "@example.fr";
        Fixtures.validate(admin, Fixtures.createHabilitation(admin, siretB, emailB));
        String sessionB = PartnerLogins.session(mailbox, emailB);
        // A colleague of A, contact of another démarche of the same organisation.
        String colleague = "collegue-" + siretA + "@example.fr";
        Fixtures.validate(admin, Fixtures.createHabilitation(admin, siretA, colleague));
        String sessionColleague = PartnerLogins.session(mailbox, colleague);

        String ofA = post(sessionA, request("Demande de A")).statusCode(201).extract().path("id");
        Map<String, Object> namingColleague = request("Demande de A, le collègue en contact métier");
        namingColleague.put("contacts", Map.of("technique", Map.of("email", "tech@example.fr"),
                "metier", Map.of("email", colleague)));
        String withColleague = post(sessionA, namingColleague).statusCode(201).extract().path("id");
        String ofB = post(sessionB, request("Demande de B")).statusCode(201)
                .body("organisation_siret", equalTo(siretB)).extract().path("id");

        given().auth().oauth2(sessionA).when().get("/me/habilitation-requests").then().statusCode(200)
                .body("data.id", hasItems(ofA, withColleague)).body("data.id", not(hasItem(ofB)))
                .body("data.organisation_siret", everyItem(equalTo(siretA)));
        given().auth().oauth2(sessionColleague).when().get("/me/habilitation-requests").then().statusCode(200)
                .body("data.id", equalTo(List.of(withColleague)));
        given().auth().oauth2(sessionB).when().get("/me/habilitation-requests").then().statusCode(200)
                .body("data.id", equalTo(List.of(ofB)));
        // Not a partner route for an admin session, nor without a session.
        given().auth().oauth2(admin).when().get("/me/habilitation-requests").then().statusCode(403);
        given().when().get("/me/habilitation-requests").then().statusCode(401);
    }
}
