package fr.guichet.dgfip.production;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.dgfip.support.OpenApiContract;
import fr.guichet.dgfip.upstream.UpstreamTokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.URI;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Production mode against the recorded DGFIP answers, over HTTPS with mutual TLS and OAuth2:
 * bodies conform to the official OpenAPI and carry the hand-checked values of the recordings.
 */
@QuarkusTest
@TestProfile(ProductionMode.class)
class DgfipReplayTest {

    @Inject
    RedisDataSource redis;

    // --- chiffres d'affaires ---

    @Test
    void chiffresAffaires() {
        String path = "/v3/dgfip/etablissements/13002526500013/chiffres_affaires";
        String body = given().get(path).then().statusCode(200)
                .body("data", hasSize(3))
                .body("data[0].data.chiffre_affaires", equalTo(648374448))
                .body("data[0].data.date_fin_exercice", equalTo("2016-12-31"))
                .body("data[2].data.chiffre_affaires", equalTo(473899061))
                .body("data[2].data.date_fin_exercice", equalTo("2014-12-31"))
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
    }

    @Test
    void unknownSiretIs404() {
        String path = "/v3/dgfip/etablissements/11111111111111/chiffres_affaires";
        String body = given().get(path).then().statusCode(404)
                .body("errors[0].code", equalTo("03003"))
                .body("errors[0].title", equalTo("Entité non trouvée"))
                .body("errors[0].detail", startsWith("Le ou les paramètre(s) d'entrée n'existent pas"))
                .body("errors[0].meta.provider", equalTo("DGFIP - Adélie")).extract().asString();
        OpenApiContract.assertValid(path, 404, body);
    }

    // --- liasses fiscales ---

    @Test
    void liasseWithOneObligationFiscale() {
        String path = "/v3/dgfip/unites_legales/130025265/liasses_fiscales/2017";
        String body = given().get(path).then().statusCode(200)
                .body("meta.internal_id_itip", equalTo("100000101111"))
                .body("data.obligations_fiscales", hasSize(1))
                .body("data.obligations_fiscales[0].id", equalTo("100210511111"))
                .body("data.obligations_fiscales[0].code", equalTo("IS"))
                .body("data.obligations_fiscales[0].libelle", equalTo("Impôt sur les sociétés"))
                .body("data.obligations_fiscales[0].reference", equalTo("IS1"))
                .body("data.obligations_fiscales[0].regime", equalTo("RSI"))
                .body("data.declarations.numero_imprime", contains("2033A", "2033B", "2033C", "2033D", "2033F", "2033G"))
                .body("data.declarations[0].regime.code", equalTo("RS"))
                .body("data.declarations[0].regime.libelle", equalTo("Réel simplifié"))
                .body("data.declarations[0].date_declaration", equalTo("2017-07-10"))
                .body("data.declarations[0].date_fin_exercice", equalTo("2017-03-31"))
                .body("data.declarations[0].duree_exercice", equalTo(365))
                .body("data.declarations[0].millesime", equalTo("201701"))
                .body("data.declarations[0].donnees[0].code_nref", equalTo("304330"))
                .body("data.declarations[0].donnees[0].valeurs", contains("11111"))
                // 2033G has a single datum, sent by DGFIP as an object rather than a list
                .body("data.declarations[5].donnees[0].code_nref", equalTo("305683"))
                .body("data.declarations[5].donnees[0].valeurs", contains("X"))
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
    }

    @Test
    void liasseWithTwoObligationsFiscales() {
        String path = "/v3/dgfip/unites_legales/130025265/liasses_fiscales/2018";
        String body = given().get(path).then().statusCode(200)
                .body("data.obligations_fiscales", hasSize(2))
                .body("data.obligations_fiscales[0].code", equalTo("IS GROUPE"))
                .body("data.obligations_fiscales[0].reference", equalTo("ISGROUPE1"))
                .body("data.obligations_fiscales[0].libelle", equalTo("Impôt sur les sociétés dû par le groupe"))
                .body("data.obligations_fiscales[0].regime", equalTo("RNGROUPE"))
                .body("data.obligations_fiscales[1].id", equalTo("100101111112"))
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
    }

    @Test
    void liasseDataAreLabelledWithTheDictionaryAndRepetitionsKeptInOrder() {
        String path = "/v3/dgfip/unites_legales/130025265/liasses_fiscales/2016";
        JsonPath body = given().get(path).then().statusCode(200).extract().jsonPath();
        // 2033A / 123456 is in dictionary.json: "XX", "Intitulé 1"
        assertEquals("123456", body.getString("data.declarations[0].donnees[0].code_nref"));
        assertEquals("XX", body.getString("data.declarations[0].donnees[0].code"));
        assertEquals("Intitulé 1", body.getString("data.declarations[0].donnees[0].intitule"));
        assertEquals("XX:X123:4567:0:XXX", body.getString("data.declarations[0].donnees[0].code_EDI"));
        assertEquals("1234567", body.getString("data.declarations[0].donnees[0].code_absolu"));
        assertEquals("XXX", body.getString("data.declarations[0].donnees[0].code_type_donnee"));
        assertEquals(java.util.List.of("1111"), body.getList("data.declarations[0].donnees[0].valeurs"));
        // 2033A / 304331 is not in the dictionary: code and value only
        assertEquals(null, body.getString("data.declarations[0].donnees[1].intitule"));
        // 2033B / 304814 repeated twice
        assertEquals("304814", body.getString("data.declarations[1].donnees[1].code_nref"));
        assertEquals(java.util.List.of("JEAN DUPONT", "JACQUES DUPOND"), body.getList("data.declarations[1].donnees[1].valeurs"));
        OpenApiContract.assertValid(path, 200, body.prettify());
    }

    @Test
    void liasseWithoutDeclarations() {
        String path = "/v3/dgfip/unites_legales/130025265/liasses_fiscales/2019";
        String body = given().get(path).then().statusCode(200)
                .body("data.declarations", hasSize(0))
                .body("data.obligations_fiscales[0].regime", equalTo("RSI"))
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
    }

    @Test
    void adelieErrorPageIs03501() {
        String path = "/v3/dgfip/unites_legales/999999999/liasses_fiscales/2019";
        String body = given().get(path).then().statusCode(502)
                .body("errors[0].code", equalTo("03501"))
                .body("errors[0].title", equalTo("Potentielle ressource non trouvée")).extract().asString();
        OpenApiContract.assertValid(path, 502, body);
    }

    // --- liens capitalistiques ---

    @Test
    void liensCapitalistiques() {
        String path = "/v3/dgfip/unites_legales/130025265/liens_capitalistiques/2023";
        String body = given().get(path).then().statusCode(200)
                .body("data.capital.actionnaires", hasSize(3))
                .body("data.capital.actionnaires[0].type", equalTo("personne_morale"))
                .body("data.capital.actionnaires[0].pourcentage", equalTo(51.0f))
                .body("data.capital.actionnaires[0].nombre_parts", equalTo(510))
                .body("data.capital.actionnaires[0].personne_morale_attributes.siren", equalTo("110001013"))
                .body("data.capital.actionnaires[0].personne_morale_attributes.denomination",
                        equalTo("GOUVERNEMENT PREMIER MINISTRE"))
                .body("data.capital.actionnaires[0].personne_morale_attributes.forme_juridique", equalTo("NS"))
                .body("data.capital.actionnaires[0].personne_physique_attributes.nom_patronymique_et_prenoms", nullValue())
                .body("data.capital.actionnaires[0].adresse.numero", equalTo("0057"))
                .body("data.capital.actionnaires[0].adresse.voie", equalTo("RUE DE VARENNE"))
                .body("data.capital.actionnaires[0].adresse.code_postal", equalTo("75007"))
                .body("data.capital.actionnaires[0].adresse.pays", equalTo("FR"))
                .body("data.capital.actionnaires[1].type", equalTo("personne_physique"))
                .body("data.capital.actionnaires[1].pourcentage", equalTo(24.0f))
                .body("data.capital.actionnaires[1].nombre_parts", equalTo(240))
                .body("data.capital.actionnaires[1].personne_physique_attributes.civilite", equalTo("M"))
                .body("data.capital.actionnaires[1].personne_physique_attributes.nom_patronymique_et_prenoms",
                        equalTo("CHIRAC Jacques"))
                .body("data.capital.actionnaires[1].personne_physique_attributes.date_naissance.annee", equalTo("1932"))
                .body("data.capital.actionnaires[1].personne_physique_attributes.date_naissance.mois", equalTo("11"))
                .body("data.capital.actionnaires[1].adresse.voie", equalTo("RUE DU FAUBOURG-SAINT-HONORE"))
                .body("data.capital.actionnaires[2].personne_physique_attributes.nom_patronymique_et_prenoms",
                        equalTo("MITTERRAND Francois"))
                .body("data.capital.actionnaires[2].nombre_parts", equalTo(250))
                .body("data.capital.actionnaires[2].adresse.pays", nullValue())
                .body("data.capital.repartition.personnes_physiques.total_actions", equalTo(490))
                .body("data.capital.repartition.personnes_physiques.nombre", equalTo(2))
                .body("data.capital.repartition.personnes_morales.total_actions", equalTo(510))
                .body("data.capital.repartition.personnes_morales.nombre", equalTo(1))
                .body("data.capital.depose_neant", equalTo(false))
                .body("data.participations.nombre_filiales", equalTo(1))
                .body("data.participations.depose_neant", equalTo(false))
                .body("data.participations.filiales[0].siren", equalTo("130007669"))
                .body("data.participations.filiales[0].denomination", equalTo("ANSII"))
                .body("data.participations.filiales[0].forme_juridique", equalTo("SA"))
                .body("data.participations.filiales[0].pourcentage_detention", equalTo(42.0f))
                .body("data.participations.filiales[0].adresse.numero", equalTo("0051 BOULEVARD DE LA TOUR-MAUBOURG"))
                .body("data.participations.filiales[0].adresse.ville", equalTo("PARIS"))
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
    }

    // --- attestations fiscales ---

    @Test
    void attestationV4DatesReadFromThePdfWhenDgfipSendsOnlyThePdf() {
        String path = "/v4/dgfip/unites_legales/130025265/attestation_fiscale";
        String body = given().get(path).then().statusCode(200)
                .body("data.date_delivrance_attestation", equalTo("2022-01-20"))
                .body("data.date_periode_analysee", equalTo("2021-12-31"))
                .body("data.document_url_expires_in", equalTo(86400))
                .body("data.document_url", startsWith("http://localhost:8080/proxy/files/"))
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
        assertStoredPdf(JsonPath.from(body).getString("data.document_url"));
    }

    @Test
    void attestationV4DatesTakenFromDgfipsAnswer() {
        String path = "/v4/dgfip/unites_legales/418166096/attestation_fiscale";
        String body = given().get(path).then().statusCode(200)
                .body("data.date_delivrance_attestation", equalTo("2023-04-11"))
                .body("data.date_periode_analysee", equalTo("2023-03-31"))
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
        assertStoredPdf(JsonPath.from(body).getString("data.document_url"));
    }

    @Test
    void attestationV3() {
        String path = "/v3/dgfip/unites_legales/130025265/attestation_fiscale";
        String body = given().get(path).then().statusCode(200)
                .body("data.expires_in", equalTo(86400))
                .body("data.date_delivrance_attestation", nullValue())
                .extract().asString();
        OpenApiContract.assertValid(path, 200, body);
        assertStoredPdf(JsonPath.from(body).getString("data.document_url"));
    }

    @Test
    void attestationNotDeliveredIs404() {
        String path = "/v4/dgfip/unites_legales/552049447/attestation_fiscale";
        String body = given().get(path).then().statusCode(404).body("errors[0].code", equalTo("03003")).extract().asString();
        OpenApiContract.assertValid(path, 404, body);
    }

    @Test
    void invalidBase64Is03051() {
        String path = "/v4/dgfip/unites_legales/200000000/attestation_fiscale";
        String body = given().get(path).then().statusCode(502).body("errors[0].code", equalTo("03051")).extract().asString();
        OpenApiContract.assertValid(path, 502, body);
    }

    @Test
    void upstream429Is03008WithRetryIn() {
        String path = "/v4/dgfip/unites_legales/429429429/attestation_fiscale";
        String body = given().get(path).then().statusCode(429)
                .header("Retry-After", "42")
                .body("errors[0].code", equalTo("03008"))
                .body("errors[0].meta.retry_in", equalTo(42)).extract().asString();
        OpenApiContract.assertValid(path, 429, body);
    }

    @Test
    void upstreamTimeoutIs03002WithRetryIn() {
        String path = "/v4/dgfip/unites_legales/504504504/attestation_fiscale";
        String body = given().get(path).then().statusCode(504)
                .body("errors[0].code", equalTo("03002"))
                .body("errors[0].title", equalTo("Intermédiaire hors-délai"))
                .body("errors[0].meta.retry_in", equalTo(30))
                .body("errors[0].meta.provider", equalTo("DGFIP - Adélie")).extract().asString();
        OpenApiContract.assertValid(path, 504, body);
    }

    @Test
    void upstreamUnavailableIs03001WithRetryIn() {
        String path = "/v4/dgfip/unites_legales/503503503/attestation_fiscale";
        String body = given().get(path).then().statusCode(503)
                .body("errors[0].code", equalTo("03001"))
                .body("errors[0].meta.retry_in", equalTo(30)).extract().asString();
        OpenApiContract.assertValidError(path, body);
    }

    // --- upstream security ---

    @Test
    void oauthTokenIsCachedInRedisUntilShortlyBeforeItsExpiry() {
        redis.key().del(UpstreamTokens.KEY);
        given().get("/v3/dgfip/etablissements/13002526500013/chiffres_affaires").then().statusCode(200);
        assertEquals(DgfipUpstreamStub.ACCESS_TOKEN, redis.value(String.class).get(UpstreamTokens.KEY));
        long ttl = redis.key().ttl(UpstreamTokens.KEY);
        assertTrue(ttl > 3500 && ttl <= 3540, "expires_in 3600 - marge 60 : " + ttl);
    }

    @Test
    void aTokenRefusedByDgfipIsReplacedOnce() {
        redis.value(String.class).set(UpstreamTokens.KEY, "jeton-revoque");
        given().get("/v3/dgfip/etablissements/13002526500013/chiffres_affaires").then().statusCode(200);
        assertEquals(DgfipUpstreamStub.ACCESS_TOKEN, redis.value(String.class).get(UpstreamTokens.KEY));
    }

    @Test
    void dgfipRefusesAClientWithoutCertificate() throws Exception {
        String tokenUrl = ConfigProvider.getConfig().getValue("guichet.dgfip.oauth.token-url", String.class);
        SSLContext withoutCertificate = sslContext(false);
        assertThrows(IOException.class, () -> postForm(tokenUrl, withoutCertificate));
        assertEquals(401, postForm(tokenUrl, sslContext(true)),
                "with the certificate TLS passes, and OAuth2 then wants client credentials");
    }

    /** A bare HTTPS POST of a client-credentials form; the status DGFIP's stand-in answers. */
    private static int postForm(String url, SSLContext context) throws IOException {
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(url).toURL().openConnection();
        connection.setSSLSocketFactory(context.getSocketFactory());
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write("grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
        }
        return connection.getResponseCode();
    }

    private void assertStoredPdf(String url) {
        String uuid = url.substring(url.lastIndexOf('/') + 1);
        byte[] stored = redis.value(byte[].class).get("guichet:file:" + uuid);
        assertArrayEquals(DgfipUpstreamStub.resourceBytes("upstream/pdfs/basic.pdf"), stored);
        assertTrue(redis.key().ttl("guichet:file:" + uuid) > 86000);
    }

    private static SSLContext sslContext(boolean withClientCertificate) throws Exception {
        char[] password = DgfipUpstreamStub.PASSWORD.toCharArray();
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(DgfipUpstreamStub.file("tls/truststore.p12"))) {
            trust.load(in, password);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        if (withClientCertificate) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(DgfipUpstreamStub.file("tls/client.p12"))) {
                keys.load(in, password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        } else {
            context.init(null, tmf.getTrustManagers(), null);
        }
        return context;
    }
}
