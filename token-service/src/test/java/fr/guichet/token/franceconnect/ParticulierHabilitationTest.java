package fr.guichet.token.franceconnect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import fr.guichet.token.Fixtures;
import fr.guichet.token.PartnerLogins;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Particulier habilitations: their own scope catalogue, 20 requests/s by default, and the partner dashboard. */
@QuarkusTest
class ParticulierHabilitationTest {

    static final List<String> QUOTIENT_FAMILIAL = List.of("cnaf_quotient_familial", "cnaf_allocataires");

    @Inject
    MockMailbox mailbox;

    /** A Particulier habilitation body: the quotient familial scopes, no quota given. */
    static Map<String, Object> particulierBody(String siret, String email) {
        Map<String, Object> body = new HashMap<>(Fixtures.habilitationBody(siret, email));
        body.put("api_kind", "particulier");
        body.put("intitule", "Tarification sociale de la cantine");
        body.put("scopes", QUOTIENT_FAMILIAL);
        body.remove("rate_limit_per_minute");
        return body;
    }

    static String createParticulier(String admin, String siret, String email) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(particulierBody(siret, email))
                .when().post("/admin/habilitations").then().statusCode(201).extract().path("id");
    }

    @Test
    void particulierTakesParticulierScopesAndTwentyPerSecondByDefault() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        Map<String, Object> body = particulierBody(siret, "p-" + siret + "@example.fr");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(201)
                .body("api_kind", equalTo("particulier")).body("scopes", equalTo(QUOTIENT_FAMILIAL))
                // 20 requests per second (throttle.yml json_resources_particulier), stored per minute.
                .body("rate_limit_per_minute", equalTo(1200));

        // An explicit quota wins over the default.
        body.put("rate_limit_per_minute", 600);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(201).body("rate_limit_per_minute", equalTo(600));

        // An API Entreprise habilitation keeps its own default.
        Map<String, Object> entreprise = new HashMap<>(Fixtures.habilitationBody(siret, "e-" + siret + "@example.fr"));
        entreprise.remove("rate_limit_per_minute");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(entreprise)
                .when().post("/admin/habilitations").then().statusCode(201).body("rate_limit_per_minute", equalTo(250));
    }

    @Test
    void scopeCatalogueIsSplitByApiKind() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        Map<String, Object> body = particulierBody(siret, "p-" + siret + "@example.fr");
        // An API Entreprise scope, and a scope that only the v2 API Particulier knew: refused together.
        body.put("scopes", List.of("cnaf_quotient_familial", Fixtures.SCOPE, "mesri_admission"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(422)
                .body("errors.size()", equalTo(2))
                .body("errors.source.parameter", everyItem(equalTo("scopes")))
                .body("errors.detail", hasItem(containsString(Fixtures.SCOPE)))
                .body("errors.detail", hasItem(containsString("mesri_admission")));
        // A Particulier scope is not one of API Entreprise.
        Map<String, Object> entreprise = new HashMap<>(Fixtures.habilitationBody(siret, "e-" + siret + "@example.fr"));
        entreprise.put("scopes", List.of("cnaf_quotient_familial"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(entreprise)
                .when().post("/admin/habilitations").then().statusCode(422)
                .body("errors[0].detail", containsString("cnaf_quotient_familial"));
        // Every family of the v3 catalogue is open to Particulier habilitations.
        body.put("scopes", List.of("cnous_statut_boursier", "mesri_admissions", "pole_emploi_identite",
                "dsnj_statut_service_national", "gip_mds_service_civique_statut_actuel",
                "ants_extrait_immatriculation_vehicule_identite_particulier"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(201);
    }

    @Test
    void partnerDashboardShowsParticulierHabilitationsAndTokens() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        String email = "particulier-" + siret + "@example.fr";
        String entrepriseId = Fixtures.createHabilitation(admin, siret, email);
        String particulierId = createParticulier(admin, siret, email);
        Map<String, Object> issued = Fixtures.validate(admin, particulierId);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("client_id", "fc-client-" + siret))
                .when().put("/admin/habilitations/" + particulierId + "/franceconnect_client").then().statusCode(200);

        String session = PartnerLogins.session(mailbox, email);
        given().auth().oauth2(session).when().get("/me/habilitations").then().statusCode(200)
                .body("data.id", hasItem(entrepriseId))
                .body("data.find { it.id == '" + particulierId + "' }.api_kind", equalTo("particulier"))
                .body("data.find { it.id == '" + particulierId + "' }.scopes", equalTo(QUOTIENT_FAMILIAL))
                .body("data.find { it.id == '" + particulierId + "' }.franceconnect_client_id", equalTo("fc-client-" + siret));
        given().auth().oauth2(session).when().get("/me/tokens").then().statusCode(200)
                .body("data.find { it.jti == '" + issued.get("jti") + "' }.scopes", equalTo(QUOTIENT_FAMILIAL));
        given().auth().oauth2(session).when().post("/me/tokens/" + issued.get("jti") + "/retrieve").then().statusCode(200)
                .body("token", equalTo(issued.get("token")));
    }
}
