package fr.guichet.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/**
 * Guichet's extension catalogue (guichet/token/scopes-extension.yml): ENSU DOCUMENTS scopes,
 * absent from API Entreprise's authorizations.yml, open an entreprise habilitation and end up in
 * the token the gateway checks.
 */
@QuarkusTest
class ExtensionScopesTest {

    /** The seven families that provider-dgfip and the gateway serve under /v3/dgfip/ensu/{famille}/. */
    static final List<String> ENSU_SCOPES = List.of(
            "ensu_documents_declaratives_dgfip",
            "ensu_documents_bancaires_dgfip",
            "ensu_documents_creances_dgfip",
            "ensu_documents_paiements_dgfip",
            "ensu_documents_remboursements_dgfip",
            "ensu_documents_obligations_fiscales_dgfip",
            "ensu_documents_habilitations_dgfip");

    @Test
    void ensuScopesAreIssuedBesideReferenceScopes() throws Exception {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        Map<String, Object> body = new HashMap<>(Fixtures.habilitationBody(siret, "ensu-" + siret + "@example.fr"));
        List<String> scopes = new ArrayList<>(ENSU_SCOPES);
        scopes.add(Fixtures.SCOPE);
        body.put("scopes", scopes);
        String habilitation = given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(201).extract().path("id");

        Map<String, Object> issued = Fixtures.validate(admin, habilitation);
        assertEquals(scopes, issued.get("scopes"));
        JwtClaims claims = Fixtures.verifyWithJwks((String) issued.get("token"), "JWT");
        assertEquals(scopes, claims.getStringListClaimValue("scopes"));
    }

    @Test
    void ensuScopesStayEntrepriseOnlyAndUnknownFamiliesAreRefused() {
        String admin = Fixtures.adminToken();
        String siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        Map<String, Object> body = new HashMap<>(Fixtures.habilitationBody(siret, "ensu-" + siret + "@example.fr"));
        body.put("scopes", List.of("ensu_documents_declaratives_dgfip", "ensu_documents_inconnues_dgfip"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(422)
                .body("errors.size()", equalTo(1))
                .body("errors[0].source.parameter", equalTo("scopes"))
                .body("errors[0].detail", containsString("ensu_documents_inconnues_dgfip"));

        body.put("api_kind", "particulier");
        body.put("scopes", List.of("ensu_documents_bancaires_dgfip"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().post("/admin/habilitations").then().statusCode(422)
                .body("errors.detail", hasItem(containsString("ensu_documents_bancaires_dgfip")));
    }
}
