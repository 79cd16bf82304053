package fr.guichet.dgfip.ensu.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.dgfip.ensu.service.EnsuFamily;
import fr.guichet.dgfip.support.OpenApiContract;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** ENSU DOCUMENTS in sandbox mode: the fictitious data set, by SIREN or IDSP, and by the three identifiers. */
@QuarkusTest
class EnsuSandboxTest {

    @Inject
    RedisDataSource redis;

    @Test
    void listsTheDocumentsOfOneFamilyBySiren() {
        String path = "/v3/dgfip/ensu/declaratives/unites_legales/990000002/documents";
        String body = given().get(path).then().statusCode(200)
                .body("data", hasSize(3))
                .body("data.data.famille", everyItem(equalTo("declaratives")))
                .body("data.data.code_document", hasItems("2065", "3310CA3"))
                .body("data[0].data.idensua", equalTo("ENSUA000000000000001"))
                .body("data[0].data.docdistrib", equalTo("DD000000700001"))
                .body("data[0].data.doccfs", equalTo("CFS00000050001"))
                .body("data[0].data.periode.debut", equalTo("2024-01-01"))
                .body("data[0].links.document", equalTo("/v3/dgfip/ensu/declaratives/documents/idensua/ENSUA000000000000001"))
                .body("meta.usager.siren", equalTo("990000002"))
                .body("meta.usager.denomination", equalTo("SARL BOULANGERIE DU BAC A SABLE"))
                .body("meta.nombre_documents", equalTo(3))
                .extract().asString();
        OpenApiContract.assertValidEnsu(path, 200, body);
    }

    @Test
    void filtersByDocumentCode() {
        given().queryParam("code_document", "3310CA3").get("/v3/dgfip/ensu/declaratives/unites_legales/990000002/documents")
                .then().statusCode(200)
                .body("data", hasSize(2))
                .body("data.data.code_document", everyItem(equalTo("3310CA3")));
        given().queryParam("code_document", "2031").get("/v3/dgfip/ensu/declaratives/unites_legales/990000002/documents")
                .then().statusCode(200).body("data", hasSize(0)).body("meta.nombre_documents", equalTo(0));
        given().queryParam("code_document", "pas un code !").get("/v3/dgfip/ensu/declaratives/unites_legales/990000002/documents")
                .then().statusCode(422).body("errors[0].code", equalTo("00392"));
    }

    @Test
    void everyFamilyHasItsDocuments() {
        for (EnsuFamily family : EnsuFamily.values()) {
            given().get("/v3/dgfip/ensu/" + family.slug() + "/unites_legales/990000002/documents").then().statusCode(200)
                    .body("data.data.famille", everyItem(equalTo(family.slug())))
                    .body("meta.famille", equalTo(family.slug()));
        }
        given().get("/v3/dgfip/ensu/bancaires/unites_legales/990000002/documents").then().body("data", hasSize(2));
        given().get("/v3/dgfip/ensu/bancaires/unites_legales/991000001/documents").then().statusCode(200)
                .body("data", hasSize(0));
    }

    @Test
    void listsByIdspWhenTheUserHasNoSiren() {
        String path = "/v3/dgfip/ensu/habilitations/usagers/SP000000000042/documents";
        String body = given().get(path).then().statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].data.code_document", equalTo("HABILITATION_EFI"))
                .body("meta.usager.idsp", equalTo("SP000000000042"))
                .body("meta.usager.siren", nullValue())
                .extract().asString();
        OpenApiContract.assertValidEnsu(path, 200, body);
        given().get("/v3/dgfip/ensu/habilitations/usagers/SP42/documents").then().statusCode(422)
                .body("errors[0].code", equalTo("00390"))
                .body("errors[0].source.parameter", equalTo("idsp"));
    }

    @Test
    void unknownUsersAndFamiliesAre404() {
        String path = "/v3/dgfip/ensu/declaratives/unites_legales/992000000/documents";
        String body = given().get(path).then().statusCode(404)
                .body("errors[0].code", equalTo("03003"))
                .body("errors[0].meta.provider", equalTo("DGFIP - ENSU")).extract().asString();
        OpenApiContract.assertValidEnsu(path, 404, body);
        given().get("/v3/dgfip/ensu/declaratives/usagers/SP999999999999/documents").then().statusCode(404);
        given().get("/v3/dgfip/ensu/impots_locaux/unites_legales/990000002/documents").then().statusCode(404)
                .body("errors[0].code", equalTo("03003"));
        given().get("/v3/dgfip/ensu/declaratives/unites_legales/99000000/documents").then().statusCode(422)
                .body("errors[0].code", equalTo("00301"));
    }

    @Test
    void fetchesOneDocumentByEachIdentifierAndStoresItsPdf() throws IOException {
        for (String path : new String[] {
                "/v3/dgfip/ensu/remboursements/documents/idensua/ENSUA000000000000008",
                "/v3/dgfip/ensu/remboursements/documents/docdistrib/DD000000700008",
                "/v3/dgfip/ensu/remboursements/documents/doccfs/CFS00000050008"}) {
            String body = given().get(path).then().statusCode(200)
                    .body("data.idensua", equalTo("ENSUA000000000000008"))
                    .body("data.code_document", equalTo("3519"))
                    .body("data.libelle", equalTo("Demande de remboursement de crédit de TVA"))
                    .body("data.famille", equalTo("remboursements"))
                    .body("data.document_url", startsWith("http://localhost:8080/proxy/files/"))
                    .body("data.document_url_expires_in", equalTo(86400))
                    .body("meta.usager.siren", equalTo("990000002"))
                    .extract().asString();
            OpenApiContract.assertValidEnsu(path, 200, body);
            String url = JsonPath.from(body).getString("data.document_url");
            byte[] pdf = redis.value(byte[].class).get("guichet:file:" + url.substring(url.lastIndexOf('/') + 1));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertTrue(text.contains("Demande de remboursement de crédit de TVA (3519)"), text);
                assertTrue(text.contains("SIREN : 990000002"), text);
            }
        }
    }

    @Test
    void unknownDocumentOrDocumentOfAnotherFamilyIs404() {
        String path = "/v3/dgfip/ensu/paiements/documents/idensua/ENSUA999999999999999";
        String body = given().get(path).then().statusCode(404).body("errors[0].code", equalTo("03003")).extract().asString();
        OpenApiContract.assertValidEnsu(path, 404, body);
        // ENSUA...008 is a remboursement: the paiements scope must not reach it
        given().get("/v3/dgfip/ensu/paiements/documents/idensua/ENSUA000000000000008").then().statusCode(404)
                .body("errors[0].code", equalTo("03003"));
        given().get("/v3/dgfip/ensu/paiements/documents/numero/ENSUA000000000000008").then().statusCode(404);
    }
}
