package fr.guichet.registers.infogreffe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToXml;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.registers.support.Calls;
import fr.guichet.registers.support.Cassettes;
import fr.guichet.registers.support.ProductionProfile;
import fr.guichet.registers.support.WireMockUpstreams;
import fr.guichet.testing.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode against Infogreffe's recorded exchanges: the SOAP request the adapter sends
 * (path, headers, envelope with the subscriber's credentials), the two operations' bodies valid
 * against the official OpenAPI, and Infogreffe's coded refusals and failures mapped as API
 * Entreprise maps them.
 */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class InfogreffeReplayTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE = "/infogreffe/WebServicesProduits";

    @BeforeEach
    void reset() {
        WireMockUpstreams.server().resetAll();
    }

    /** Serves the cassette's answer to its recorded request only. */
    private Cassettes.Exchange replay(String cassette) {
        Cassettes.Exchange e = Cassettes.load("infogreffe/cassettes/" + cassette, WireMockUpstreams.placeholders()).get(0);
        WireMockUpstreams.server().stubFor(post(urlEqualTo(BASE))
                .withRequestBody(equalToXml(e.requestBody()))
                .willReturn(aResponse().withStatus(e.status()).withHeader("Content-Type", e.responseContentType())
                        .withBody(e.responseBody())));
        return e;
    }

    private static Response call(String siren, String operation) {
        return given().queryParams(Calls.MANDATORY_PARAMS).get("/v3/infogreffe/rcs/unites_legales/" + siren + "/" + operation);
    }

    @Test
    void theRequestIsTheRecordedSoapCall() {
        Cassettes.Exchange e = replay("with_valid_siren_personne_morale.yml");
        call("418166096", "extrait_kbis").then().statusCode(200);
        WireMockUpstreams.server().verify(postRequestedFor(urlEqualTo(BASE))
                .withHeader("Content-Type", equalTo("text/xml"))
                .withHeader("charset", equalTo("utf-8"))
                .withHeader("SOAPAction", equalTo(e.requestHeaders().get("Soapaction")))
                .withRequestBody(equalToXml(e.requestBody())));
    }

    @Test
    void aCompanyExtractIsMappedAndConforms() throws Exception {
        replay("with_valid_siren_personne_morale.yml");
        Response response = call("418166096", "extrait_kbis");
        assertEquals(200, response.statusCode(), response.asString());
        String path = "/v3/infogreffe/rcs/unites_legales/418166096/extrait_kbis";
        OpenApiContract.assertValid(path, 200, response.asString());
        JsonNode data = JSON.readTree(response.asString()).get("data");
        assertEquals("418166096", data.get("siren").asText());
        assertEquals("2000-01-15", data.get("date_immatriculation").asText());
        assertEquals("PARIS", data.at("/greffe/valeur").asText());
        assertEquals("7501", data.at("/greffe/code").asText());
        assertEquals("EXEMPLE-TECHNOLOGIE", data.at("/personne_morale/denomination").asText());
        assertEquals("SAh", data.at("/personne_morale/forme_juridique/code").asText());
        assertEquals("12-31", data.at("/personne_morale/date_cloture_exercice_comptable").asText());
        assertEquals(234567.8, data.at("/capital/montant").asDouble());
        assertEquals("EUR", data.at("/capital/code_devise").asText());
        assertEquals("EUROS", data.at("/capital/devise").asText());
        JsonNode first = data.get("mandataires_sociaux").get(0);
        assertEquals("personne_physique", first.get("type").asText());
        assertEquals("DURANT", first.get("nom").asText());
        assertEquals("PRESIDENT DU DIRECTOIRE", first.get("fonction").asText());
        assertEquals("1980-02", first.get("date_naissance").asText(), "mois de naissance seulement");
        assertNull(data.at("/personne_physique/nom").textValue());
    }

    @Test
    void theOfficersOfACompanyAreMappedAndConform() throws Exception {
        replay("with_valid_siren_personne_morale.yml");
        Response response = call("418166096", "mandataires_sociaux");
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid("/v3/infogreffe/rcs/unites_legales/418166096/mandataires_sociaux", 200, response.asString());
        JsonNode body = JSON.readTree(response.asString());
        JsonNode first = body.get("data").get(0).get("data");
        assertEquals("1980-02-15", first.get("date_naissance").asText());
        assertEquals(319420800, first.get("date_naissance_timestamp").asLong());
        assertEquals("PARIS", first.get("lieu_naissance").asText());
        assertEquals("FR", first.get("code_nationalite").asText());
        int count = body.get("data").size();
        assertEquals(count, body.at("/meta/count").asInt());
        assertEquals(count, body.at("/meta/personnes_physiques_count").asInt() + body.at("/meta/personnes_morales_count").asInt());
    }

    @Test
    void aSoleTradersExtractNamesHimAsOfficer() throws Exception {
        replay("with_valid_siren_personne_physique.yml");
        Response extrait = call("403860265", "extrait_kbis");
        assertEquals(200, extrait.statusCode(), extrait.asString());
        OpenApiContract.assertValid("/v3/infogreffe/rcs/unites_legales/403860265/extrait_kbis", 200, extrait.asString());
        JsonNode data = JSON.readTree(extrait.asString()).get("data");
        assertEquals("SPLOUSHY", data.at("/personne_physique/nom").asText());
        assertEquals("40440", data.at("/personne_physique/adresse/code_postal").asText());
        assertEquals("4781Z", data.at("/etablissement_principal/code_ape").asText());
        assertEquals("SPLOUSHY", data.at("/mandataires_sociaux/0/nom").asText());

        Response mandataires = call("403860265", "mandataires_sociaux");
        assertEquals(200, mandataires.statusCode(), mandataires.asString());
        OpenApiContract.assertValid("/v3/infogreffe/rcs/unites_legales/403860265/mandataires_sociaux", 200, mandataires.asString());
        assertEquals(1, JSON.readTree(mandataires.asString()).at("/meta/personnes_physiques_count").asInt());
    }

    @Test
    void aCompanyWithoutCourtCodeConforms() {
        replay("with_valid_siren_no_greffe_code.yml");
        String siren = Cassettes.load("infogreffe/cassettes/with_valid_siren_no_greffe_code.yml", WireMockUpstreams.placeholders())
                .get(0).requestBody().replaceAll("(?s).*<num_siren>(\\d+)</num_siren>.*", "$1");
        for (String operation : new String[] {"extrait_kbis", "mandataires_sociaux"}) {
            Response response = call(siren, operation);
            assertEquals(200, response.statusCode(), response.asString());
            OpenApiContract.assertValid("/v3/infogreffe/rcs/unites_legales/" + siren + "/" + operation, 200, response.asString());
        }
    }

    @Test
    void dossierNonTrouveIs404WithInfogreffesMessage() {
        Cassettes.Exchange e = replay("with_siren_not_found.yml");
        String siren = e.requestBody().replaceAll("(?s).*<num_siren>(\\d+)</num_siren>.*", "$1");
        String path = "/v3/infogreffe/rcs/unites_legales/" + siren + "/extrait_kbis";
        Response response = given().queryParams(Calls.MANDATORY_PARAMS).get(path);
        assertEquals(404, response.statusCode(), response.asString());
        OpenApiContract.assertValid(path, 404, response.asString());
        response.then().body("errors[0].code", org.hamcrest.Matchers.equalTo("02003"))
                .body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("Infogreffe"))
                .body("errors[0].meta.provider_error.code", org.hamcrest.Matchers.equalTo("006"))
                .body("errors[0].meta.provider_error.message", org.hamcrest.Matchers.equalTo("DOSSIER NON TROUVE DANS LA BASE DE GREFFES"));
    }

    @Test
    void anExtractWithoutOfficersHasNoMandatairesSociaux() {
        String xml = Cassettes.payload("infogreffe/payloads/without_mandataire.xml");
        answer(200, xml);
        String siren = "418166096";
        call(siren, "mandataires_sociaux").then().statusCode(404).body("errors[0].code", org.hamcrest.Matchers.equalTo("02003"));
        Response extrait = call(siren, "extrait_kbis");
        assertEquals(200, extrait.statusCode(), extrait.asString());
        OpenApiContract.assertValid("/v3/infogreffe/rcs/unites_legales/" + siren + "/extrait_kbis", 200, extrait.asString());
    }

    @Test
    void infogreffesCodedFailuresKeepApiEntreprisesCodes() {
        answerCoded("003 -ERREUR D'IDENTIFICATION-");
        call("418166096", "extrait_kbis").then().statusCode(502)
                .body("errors[0].code", org.hamcrest.Matchers.equalTo("02501"))
                .body("errors[0].meta.retry_in", org.hamcrest.Matchers.equalTo(10));
        answerCoded("014 -COMMANDE NON GENEREE-");
        call("418166096", "extrait_kbis").then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("02502"));
        answerCoded("999 -SERVICE INDISPONIBLE-");
        call("418166096", "extrait_kbis").then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("02001"));
        answerCoded("042 -AUTRE CHOSE-");
        call("418166096", "extrait_kbis").then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("02999"));
    }

    @Test
    void anUnreadableAnswerOrAnErrorStatusIs02999() {
        answer(200, "<html>maintenance</html>");
        call("418166096", "extrait_kbis").then().statusCode(502).body("errors[0].code", org.hamcrest.Matchers.equalTo("02999"));
        answer(500, "Internal Server Error");
        Response response = call("418166096", "extrait_kbis");
        assertEquals(502, response.statusCode());
        OpenApiContract.assertValid("/v3/infogreffe/rcs/unites_legales/418166096/extrait_kbis", 502, response.asString());
        response.then().body("errors[0].code", org.hamcrest.Matchers.equalTo("02999"))
                .body("errors[0].meta.provider", org.hamcrest.Matchers.equalTo("Infogreffe"));
    }

    @Test
    void aSlowInfogreffeIs504() {
        WireMockUpstreams.server().stubFor(post(urlEqualTo(BASE)).willReturn(aResponse().withStatus(200)
                .withFixedDelay(6_000).withBody("<x/>")));
        Response response = call("418166096", "extrait_kbis");
        assertEquals(504, response.statusCode(), response.asString());
        OpenApiContract.assertValid("/v3/infogreffe/rcs/unites_legales/418166096/extrait_kbis", 504, response.asString());
        response.then().body("errors[0].code", org.hamcrest.Matchers.equalTo("02002"));
    }

    private static void answer(int status, String body) {
        WireMockUpstreams.server().resetAll();
        WireMockUpstreams.server().stubFor(post(urlEqualTo(BASE)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body)));
    }

    private static void answerCoded(String message) {
        answer(200, "<?xml version='1.0' encoding='UTF-8'?><SOAP-ENV:Envelope xmlns:SOAP-ENV='http://schemas.xmlsoap.org/soap/envelope/'>"
                + "<SOAP-ENV:Body><ns0:getProduitsWebServicesXMLResponse xmlns:ns0='urn:local'><return>" + message
                + "</return></ns0:getProduitsWebServicesXMLResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>");
    }
}
