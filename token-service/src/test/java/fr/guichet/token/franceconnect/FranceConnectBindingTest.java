package fr.guichet.token.franceconnect;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import fr.guichet.token.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FranceConnect client binding: admin PUT/DELETE, audited, unique; the gateway's internal look-up. */
@QuarkusTest
class FranceConnectBindingTest {

    String admin;
    String siret;
    String habilitation;
    Map<String, Object> issued;
    String clientId;

    @BeforeEach
    void validatedParticulierHabilitation() {
        admin = Fixtures.adminToken();
        siret = Fixtures.createOrganisation(admin, Fixtures.siret());
        habilitation = ParticulierHabilitationTest.createParticulier(admin, siret, "fc-" + siret + "@example.fr");
        issued = Fixtures.validate(admin, habilitation);
        clientId = "6925fb8143c76eded44d32b40c0cb1006065f7f003de52712b78985704f3" + siret.substring(0, 4);
    }

    private ValidatableResponse bind(String habilitationId, Object body) {
        return given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .when().put("/admin/habilitations/" + habilitationId + "/franceconnect_client").then();
    }

    @Test
    void boundClientLeadsTheGatewayToTheHabilitationAndItsNewestToken() {
        bind(habilitation, Map.of("client_id", clientId, "reason", "Démarche FranceConnectée")).statusCode(200)
                .body("id", equalTo(habilitation)).body("franceconnect_client_id", equalTo(clientId));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + habilitation).then().statusCode(200)
                .body("franceconnect_client_id", equalTo(clientId));
        given().auth().oauth2(admin).queryParam("siret", siret).when().get("/admin/habilitations").then().statusCode(200)
                .body("data[0].franceconnect_client_id", equalTo(clientId));

        String path = "/internal/franceconnect/clients/" + clientId;
        given().when().get(path).then().statusCode(401).body("errors[0].code", equalTo("00809"));
        Fixtures.internal().when().get(path).then().statusCode(200)
                .body("habilitation_id", equalTo(habilitation)).body("siret", equalTo(siret))
                .body("api_kind", equalTo("particulier"))
                .body("scopes", equalTo(ParticulierHabilitationTest.QUOTIENT_FAMILIAL))
                .body("jti", equalTo(issued.get("jti")))
                .body("exp", equalTo(((Number) issued.get("exp")).intValue()));

        // After a prolongation the newest token is the one the gateway charges.
        String newJti = Fixtures.postReason(admin, "/admin/tokens/" + issued.get("jti") + "/prolong", "Renouvellement")
                .statusCode(201).extract().path("jti");
        Fixtures.internal().when().get(path).then().statusCode(200).body("jti", equalTo(newJti));

        given().auth().oauth2(admin).queryParam("target_type", "habilitation").queryParam("target_id", habilitation)
                .when().get("/admin/audit-events").then().statusCode(200)
                .body("data.action", hasItem("bind_franceconnect_client"));

        // Unbound: the gateway no longer finds it.
        given().auth().oauth2(admin).when().delete("/admin/habilitations/" + habilitation + "/franceconnect_client")
                .then().statusCode(200).body("franceconnect_client_id", nullValue());
        Fixtures.internal().when().get(path).then().statusCode(404).body("errors[0].code", equalTo("00003"));
        given().auth().oauth2(admin).queryParam("target_type", "habilitation").queryParam("target_id", habilitation)
                .when().get("/admin/audit-events").then().statusCode(200)
                .body("data.action", hasItem("unbind_franceconnect_client"));
    }

    @Test
    void clientIdBelongsToOneHabilitation() {
        bind(habilitation, Map.of("client_id", clientId)).statusCode(200);
        // Binding it again to the same habilitation changes nothing.
        bind(habilitation, Map.of("client_id", clientId)).statusCode(200).body("franceconnect_client_id", equalTo(clientId));
        String other = ParticulierHabilitationTest.createParticulier(admin, siret, "other-" + siret + "@example.fr");
        bind(other, Map.of("client_id", clientId)).statusCode(409).body("errors[0].code", equalTo("00015"));
        given().auth().oauth2(admin).when().get("/admin/habilitations/" + other).then().statusCode(200)
                .body("franceconnect_client_id", nullValue());
    }

    @Test
    void badInputIs422AndUnknownHabilitation404() {
        for (Object body : List.of(Map.of(), Map.of("client_id", " "), Map.of("client_id", "pas un identifiant"),
                Map.of("client_id", "x".repeat(129)))) {
            bind(habilitation, body).statusCode(422).body("errors[0].code", equalTo("00801"))
                    .body("errors[0].source.parameter", equalTo("client_id"));
        }
        // FranceConnect routes are API Particulier's: an Entreprise habilitation cannot be bound.
        String entreprise = Fixtures.createHabilitation(admin, siret, "e-" + siret + "@example.fr");
        bind(entreprise, Map.of("client_id", clientId)).statusCode(422).body("errors[0].source.parameter", equalTo("client_id"));
        bind("00000000-0000-4000-8000-000000000000", Map.of("client_id", clientId)).statusCode(404)
                .body("errors[0].code", equalTo("00003"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"client_id\":")
                .when().put("/admin/habilitations/" + habilitation + "/franceconnect_client").then().statusCode(400);
        // Without the admin role: refused.
        given().contentType(ContentType.JSON).body(Map.of("client_id", clientId))
                .when().put("/admin/habilitations/" + habilitation + "/franceconnect_client").then().statusCode(401);
    }

    @Test
    void revokedHabilitationOrTokenIsNotFoundForTheGateway() {
        bind(habilitation, Map.of("client_id", clientId)).statusCode(200);
        String path = "/internal/franceconnect/clients/" + clientId;
        Fixtures.postReason(admin, "/admin/tokens/" + issued.get("jti") + "/revoke", "Jeton divulgué").statusCode(200);
        Fixtures.internal().when().get(path).then().statusCode(404);
        Fixtures.postReason(admin, "/admin/habilitations/" + habilitation + "/revoke", "Fin de la démarche").statusCode(200);
        Fixtures.internal().when().get(path).then().statusCode(404);
        bind(habilitation, Map.of("client_id", clientId + "b")).statusCode(409).body("errors[0].code", equalTo("00802"));
        Fixtures.internal().when().get("/internal/franceconnect/clients/inconnu").then().statusCode(404);
        Fixtures.internal().when().get("/internal/franceconnect/clients/%20x").then().statusCode(404);
    }
}
