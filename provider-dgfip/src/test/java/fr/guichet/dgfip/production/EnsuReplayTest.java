package fr.guichet.dgfip.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import fr.guichet.dgfip.support.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** ENSU DOCUMENTS in production mode against the ENSU stand-in (mutual TLS, OAuth2). */
@QuarkusTest
@TestProfile(ProductionMode.class)
class EnsuReplayTest {

    @Inject
    RedisDataSource redis;

    @Test
    void listBySirenKeepsOnlyTheRequestedFamily() {
        String path = "/v3/dgfip/ensu/paiements/unites_legales/991000001/documents";
        String body = given().get(path).then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].data.idensua", equalTo("ENSUA000000000000014"))
                .body("data[0].data.famille", equalTo("paiements"))
                .body("data[0].data.date_production", equalTo("2025-03-20"))
                .body("data[0].data.periode.fin", equalTo("2024-12-31"))
                .body("meta.usager.denomination", equalTo("SAS ATELIER FICTIF"))
                .extract().asString();
        OpenApiContract.assertValidEnsu(path, 200, body);
    }

    @Test
    void listByIdsp() {
        String path = "/v3/dgfip/ensu/habilitations/usagers/SP000000000042/documents";
        String body = given().get(path).then().statusCode(200)
                .body("data", hasSize(0))
                .body("meta.usager.siren", nullValue())
                .body("meta.usager.idsp", equalTo("SP000000000042")).extract().asString();
        OpenApiContract.assertValidEnsu(path, 200, body);
    }

    @Test
    void unknownUserAndUnknownDocumentAre404() {
        given().get("/v3/dgfip/ensu/paiements/unites_legales/992000000/documents").then().statusCode(404)
                .body("errors[0].code", equalTo("03003")).body("errors[0].meta.provider", equalTo("DGFIP - ENSU"));
        given().get("/v3/dgfip/ensu/paiements/documents/doccfs/CFS00000050404").then().statusCode(404)
                .body("errors[0].code", equalTo("03003"));
    }

    @Test
    void fetchStoresTheUpstreamPdf() {
        String path = "/v3/dgfip/ensu/paiements/documents/idensua/ENSUA000000000000014";
        String body = given().get(path).then().statusCode(200)
                .body("data.code_document", equalTo("AVIS_PAIEMENT"))
                .body("data.docdistrib", equalTo("DD000000700014"))
                .body("data.document_url_expires_in", equalTo(86400)).extract().asString();
        OpenApiContract.assertValidEnsu(path, 200, body);
        String url = JsonPath.from(body).getString("data.document_url");
        assertArrayEquals(DgfipUpstreamStub.resourceBytes("upstream/ensu/avis_paiement.pdf"),
                redis.value(byte[].class).get("guichet:file:" + url.substring(url.lastIndexOf('/') + 1)));
        // The same document asked under another family's route is not released.
        given().get("/v3/dgfip/ensu/creances/documents/idensua/ENSUA000000000000014").then().statusCode(404);
    }

    @Test
    void upstream429Is03008WithRetryIn() {
        given().get("/v3/dgfip/ensu/bancaires/unites_legales/990000002/documents").then().statusCode(429)
                .header("Retry-After", "7")
                .body("errors[0].code", equalTo("03008"))
                .body("errors[0].meta.retry_in", equalTo(7))
                .body("errors[0].meta.provider", equalTo("DGFIP - ENSU"));
    }
}
