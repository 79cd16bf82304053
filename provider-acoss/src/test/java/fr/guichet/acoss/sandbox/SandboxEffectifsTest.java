package fr.guichet.acoss.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import fr.guichet.acoss.support.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Sandbox mode: GIP-MDS effectifs from the API Entreprise cases, matched on all their parameters. */
@QuarkusTest
class SandboxEffectifsTest {

    @Test
    void annualBothRegimes() {
        String path = "/v3/gip_mds/unites_legales/130025265/effectifs_annuels/2023";
        Response response = SandboxAttestationTest.call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(200)
                .body("data.siren", equalTo("130025265"))
                .body("data.annee", equalTo("2023"))
                .body("data.effectifs_annuel", hasSize(3))
                .body("data.effectifs_annuel.regime", contains("regime_general", "regime_agricole", "regime_agricole"))
                .body("data.effectifs_annuel[0].value", equalTo(13))
                .body("data.effectifs_annuel[1].value", nullValue())
                .body("data.effectifs_annuel[2].value", equalTo(12));
    }

    @Test
    void annualNatureIsPartOfTheCase() {
        String path = "/v3/gip_mds/unites_legales/130025265/effectifs_annuels/2024";
        SandboxAttestationTest.call(path).then().statusCode(200).body("data.effectifs_annuel[0].value", equalTo(18));
        Response boeth = given().queryParam("recipient", SandboxAttestationTest.RECIPIENT)
                .queryParam("nature_effectif", "boeth").get(path);
        OpenApiContract.conforms(path, boeth);
        boeth.then().statusCode(200).body("data.effectifs_annuel[0].value", equalTo(3));
    }

    @Test
    void annualUnknownIs404FromGipMds() {
        String path = "/v3/gip_mds/unites_legales/000000000/effectifs_annuels/2020";
        Response response = SandboxAttestationTest.call(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(404)
                .body("errors[0].code", equalTo("31003"))
                .body("errors[0].meta.provider", equalTo("GIP-MDS"));
    }

    @Test
    void monthlyWithDepth() {
        String path = "/v3/gip_mds/etablissements/13002526500013/effectifs_mensuels/12/annee/2022";
        Response response = given().queryParam("recipient", SandboxAttestationTest.RECIPIENT)
                .queryParam("profondeur", 2).get(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(200)
                .body("data.effectifs_mensuels", hasSize(6))
                .body("data.effectifs_mensuels.mois", contains("12", "12", "11", "11", "10", "10"))
                .body("data.effectifs_mensuels[1].regime", equalTo("regime_general"))
                .body("data.effectifs_mensuels[1].value", equalTo(12.66f))
                .body("data.effectifs_mensuels[4].value", equalTo(14.21f));
    }

    @Test
    void monthlyBoeth() {
        String path = "/v3/gip_mds/etablissements/13002526500013/effectifs_mensuels/06/annee/2024";
        Response response = given().queryParam("recipient", SandboxAttestationTest.RECIPIENT)
                .queryParam("nature_effectif", "boeth").get(path);
        OpenApiContract.conforms(path, response);
        response.then().statusCode(200)
                .body("data.effectifs_mensuels[0].value", equalTo(2))
                .body("data.effectifs_mensuels[1].date_derniere_mise_a_jour", nullValue());
    }

    @Test
    void invalidParametersAre422() {
        String base = "/v3/gip_mds/etablissements/13002526500013/effectifs_mensuels/";
        Response month = SandboxAttestationTest.call(base + "13/annee/2022");
        OpenApiContract.conforms(base + "13/annee/2022", month);
        month.then().statusCode(422).body("errors[0].code", equalTo("00305"));
        SandboxAttestationTest.call(base + "12/annee/22").then().statusCode(422).body("errors[0].code", equalTo("00307"));
        given().queryParam("profondeur", 13).get(base + "12/annee/2022").then().statusCode(422)
                .body("errors[0].code", equalTo("00390"));
        SandboxAttestationTest.call("/v3/gip_mds/etablissements/1300252650001/effectifs_mensuels/12/annee/2022")
                .then().statusCode(422).body("errors[0].code", equalTo("00302"));
    }
}
