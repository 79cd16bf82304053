package fr.guichet.insee.production;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.insee.sirene.rest.OperationPaths;
import fr.guichet.insee.testing.OpenApiContract;
import fr.guichet.insee.testing.ProductionModeProfile;
import fr.guichet.insee.testing.ProductionState;
import fr.guichet.insee.testing.Recordings;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Production mode: every recorded INSEE exchange replayed through WireMock, the mapped bodies
 * checked against the official OpenAPI and against values read by hand in the raw recordings.
 */
@QuarkusTest
@TestProfile(ProductionModeProfile.class)
class ProductionModeTest {

    private static final String BASE = "https://entreprise.api.gouv.fr";

    WireMockServer insee;

    @Inject
    RedisDataSource redis;

    @Inject
    ProductionState productionState;

    @BeforeEach
    void freshState() {
        productionState.reset(insee);
    }

    private static Response call(InseeOperation op, String identifier) {
        return given().queryParams(OperationPaths.MANDATORY_PARAMS).get(OperationPaths.path(op, identifier));
    }

    /** Calls, checks the status and, for a 2xx or an error, the body against the OpenAPI. */
    private static JsonPath ok(InseeOperation op, String identifier) {
        Response response = call(op, identifier);
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(OperationPaths.path(op, identifier), 200, response.asString());
        return response.jsonPath();
    }

    private static void error(InseeOperation op, String identifier, int status, String code) {
        Response response = call(op, identifier);
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals(code, response.jsonPath().getString("errors[0].code"), response.asString());
        assertEquals("INSEE", response.jsonPath().getString("errors[0].meta.provider"));
        OpenApiContract.assertValid(OperationPaths.path(op, identifier), status, response.asString());
    }

    // --- unités légales -----------------------------------------------------------------

    @Test
    void activeLegalPerson() {
        Recordings.replay(insee, "siren/active_GE.yml");
        for (InseeOperation op : List.of(InseeOperation.UNITES_LEGALES_V3, InseeOperation.UNITES_LEGALES_V4,
                InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V3, InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V4)) {
            JsonPath body = ok(op, "306138900");
            assertEquals("306138900", body.getString("data.siren"));
            assertEquals("30613890001294", body.getString("data.siret_siege_social"));
            assertEquals("personne_morale", body.getString("data.type"));
            assertEquals("SPORT-EXEMPLE", body.getString("data.personne_morale_attributs.raison_sociale"));
            assertEquals(null, body.getString("data.personne_morale_attributs.sigle"));
            assertEquals(null, body.getString("data.personne_physique_attributs.nom_naissance"));
            assertEquals("GE", body.getString("data.categorie_entreprise"));
            assertEquals("diffusible", body.getString("data.status_diffusion"));
            assertTrue(body.getBoolean("data.diffusable_commercialement"));
            // The current period (2014-06-20, no end) changed the legal category from 5699 to 5599.
            assertEquals("5599", body.getString("data.forme_juridique.code"));
            assertEquals("SA à conseil d'administration (s.a.i.)", body.getString("data.forme_juridique.libelle"));
            assertEquals("46.49Z", body.getString("data.activite_principale.code"));
            assertEquals("NAF2025", body.getString("data.activite_principale.nomenclature"));
            assertEquals("51", body.getString("data.tranche_effectif_salarie.code"));
            assertEquals(2000, body.getInt("data.tranche_effectif_salarie.de"));
            assertEquals(4999, body.getInt("data.tranche_effectif_salarie.a"));
            assertEquals("2016", body.getString("data.tranche_effectif_salarie.date_reference"));
            assertEquals("2 000 à 4 999 salariés", body.getString("data.tranche_effectif_salarie.intitule"));
            assertEquals("A", body.getString("data.etat_administratif"));
            assertNull(body.<Object>get("data.date_cessation"));
            assertEquals(220921200L, body.getLong("data.date_creation"), "1977-01-01 at midnight in Paris");
            assertEquals(1518476400L, body.getLong("meta.date_derniere_mise_a_jour"), "2018-02-13");
            assertNull(body.<Object>get("meta.redirect_from_siren"));
            String v = "/v" + op.version();
            assertEquals(BASE + v + "/insee/sirene/etablissements/30613890001294", body.getString("links.siege_social"));
            assertEquals(BASE + v + "/insee/sirene/etablissements/30613890001294/adresse", body.getString("links.siege_social_adresse"));
            if (op.version() == 4) {
                // INSEE gives the activity in NAF 2025 only: no NAF rév. 2 view of it.
                assertEquals(null, body.getString("data.activite_principale_naf_rev2.code"));
                assertEquals("non référencé", body.getString("data.activite_principale_naf_rev2.libelle"));
            }
        }
    }

    @Test
    void activeNaturalPerson() {
        Recordings.replay(insee, "siren/active_AE.yml");
        JsonPath body = ok(InseeOperation.UNITES_LEGALES_V3, "412288383");
        assertEquals("personne_physique", body.getString("data.type"));
        assertEquals("BIDAU", body.getString("data.personne_physique_attributs.nom_naissance"));
        assertEquals("BAROIN", body.getString("data.personne_physique_attributs.nom_usage"));
        assertEquals("ODILE", body.getString("data.personne_physique_attributs.prenom_usuel"));
        assertEquals("ODILE", body.getString("data.personne_physique_attributs.prenom_1"));
        assertEquals("RENEE", body.getString("data.personne_physique_attributs.prenom_2"));
        assertEquals("JANINE", body.getString("data.personne_physique_attributs.prenom_3"));
        assertEquals(null, body.getString("data.personne_physique_attributs.prenom_4"));
        assertEquals("F", body.getString("data.personne_physique_attributs.sexe"));
        assertEquals(null, body.getString("data.personne_morale_attributs.raison_sociale"));
        assertEquals("1000", body.getString("data.forme_juridique.code"));
        assertEquals("Entrepreneur individuel", body.getString("data.forme_juridique.libelle"));
        assertEquals("NN", body.getString("data.tranche_effectif_salarie.code"));
        assertEquals("Unités non employeuses", body.getString("data.tranche_effectif_salarie.intitule"));
        assertNull(body.<Object>get("data.tranche_effectif_salarie.de"));
        assertEquals(410137200L, body.getLong("data.date_creation"), "1982-12-31");
        assertEquals(1495231200L, body.getLong("meta.date_derniere_mise_a_jour"), "2017-05-20");
        assertEquals("41228838300018", body.getString("data.siret_siege_social"));
        assertNull(body.<Object>get("data.economie_sociale_et_solidaire"));
    }

    @Test
    void ceasedUnit() {
        Recordings.replay(insee, "siren/ceased.yml");
        JsonPath body = ok(InseeOperation.UNITES_LEGALES_V3, "490817384");
        assertEquals("C", body.getString("data.etat_administratif"));
        assertEquals(1315173600L, body.getLong("data.date_cessation"), "start of the ceased period, 2011-09-05");
        assertEquals(1149112800L, body.getLong("data.date_creation"), "2006-06-01");
        assertEquals("BUSINESS &DECISION CONSULTING", body.getString("data.personne_morale_attributs.raison_sociale"));
        assertEquals("5499", body.getString("data.forme_juridique.code"));
        assertEquals("Société à responsabilité limitée (sans autre indication)", body.getString("data.forme_juridique.libelle"));
    }

    @Test
    void redirectedSirenFollowsInseeAndSaysSo() {
        Recordings.replay(insee, "siren/redirected.yml");
        JsonPath body = ok(InseeOperation.UNITES_LEGALES_V3, "532221694");
        assertEquals("778870675", body.getString("data.siren"));
        assertEquals("532221694", body.getString("meta.redirect_from_siren"));
        insee.verify(getRequestedFor(urlEqualTo(Recordings.SIRENE_PATH + "/siren/778870675")));
    }

    @Test
    void nonDiffusibleUnit() {
        Recordings.replay(insee, "siren/non_diffusable.yml");
        JsonPath body = ok(InseeOperation.UNITES_LEGALES_V3, "789510732");
        assertEquals("non_diffusible", body.getString("data.status_diffusion"));
        // Never re-processed by INSEE: the last update is the start of the current period.
        assertEquals(1293231600L, body.getLong("meta.date_derniere_mise_a_jour"), "2010-12-25");
        assertFalse(body.getBoolean("data.diffusable_commercialement"));
        assertEquals("DUPONT", body.getString("data.personne_physique_attributs.nom_naissance"));
        assertEquals("M", body.getString("data.personne_physique_attributs.sexe"));
        assertEquals("70.2A", body.getString("data.activite_principale.code"));
        assertEquals("ancienne révision NAF (NAF1993) non supportée", body.getString("data.activite_principale.libelle"));
        ok(InseeOperation.UNITES_LEGALES_V4, "789510732");
        error(InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V3, "789510732", 404, "01003");
        error(InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V4, "789510732", 404, "01003");
    }

    @Test
    void unknownSirenIsNotFound() {
        Recordings.replay(insee, "siren/non_existent.yml");
        error(InseeOperation.UNITES_LEGALES_V3, "000000000", 404, "01003");
    }

    @Test
    void unitsInseeNeverReleasesAreLegallyUnavailable() {
        Recordings.replay(insee, "siren/gendarmerie_limousin.yml");
        error(InseeOperation.UNITES_LEGALES_V3, "157000332", 451, "01005");
        insee.resetAll();
        Recordings.replay(insee, "token.yml");
        Recordings.replay(insee, "siren/non_diffusable_ceased.yml");
        error(InseeOperation.UNITES_LEGALES_V4, "789510732", 451, "01005");
        error(InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V4, "789510732", 404, "01003");
    }

    // --- établissements, adresses --------------------------------------------------------

    @Test
    void secondaryEstablishmentWithCedex() {
        Recordings.replay(insee, "siret/active_GE.yml");
        for (InseeOperation op : List.of(InseeOperation.ETABLISSEMENTS_V3, InseeOperation.ETABLISSEMENTS_V4,
                InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V3, InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V4)) {
            JsonPath body = ok(op, "30613890002979");
            assertEquals("30613890002979", body.getString("data.siret"));
            assertFalse(body.getBoolean("data.siege_social"));
            assertEquals("A", body.getString("data.etat_administratif"));
            assertEquals("47.64Z", body.getString("data.activite_principale.code"));
            assertEquals("306138900", body.getString("data.unite_legale.siren"));
            assertEquals("123", body.getString("data.adresse.numero_voie"));
            assertEquals("RUE", body.getString("data.adresse.type_voie"));
            assertEquals("DE LA PAIX", body.getString("data.adresse.libelle_voie"));
            assertEquals("75001", body.getString("data.adresse.code_postal"));
            assertEquals("PARIS", body.getString("data.adresse.libelle_commune"));
            assertEquals("PARIS CEDEX 1", body.getString("data.adresse.libelle_cedex"));
            assertEquals("123 RUE DE LA PAIX", body.getString("data.adresse.acheminement_postal.l4"));
            assertEquals("75001 PARIS CEDEX 1", body.getString("data.adresse.acheminement_postal.l6"));
            assertEquals("FRANCE", body.getString("data.adresse.acheminement_postal.l7"));
            assertEquals(BASE + "/v" + op.version() + "/insee/sirene/unites_legales/306138900", body.getString("links.unite_legale"));
            assertNull(body.<Object>get("meta.redirect_from_siret"));
        }
        JsonPath adresse = ok(InseeOperation.ADRESSES_V3, "30613890002979");
        assertEquals("DE LA PAIX", adresse.getString("data.libelle_voie"));
        assertEquals("75001", adresse.getString("data.code_commune"));
        assertEquals(BASE + "/v3/insee/sirene/etablissements/30613890002979", adresse.getString("links.etablissement"));
    }

    @Test
    void naturalPersonsEstablishment() {
        Recordings.replay(insee, "siret/active_AE.yml");
        JsonPath body = ok(InseeOperation.ETABLISSEMENTS_V3, "41228838300018");
        assertTrue(body.getBoolean("data.siege_social"));
        assertEquals("01.43Z", body.getString("data.activite_principale.code"));
        assertEquals("SOUVERT", body.getString("data.adresse.libelle_voie"));
        assertEquals(null, body.getString("data.adresse.type_voie"));
        assertEquals("CHISSEY EN MORVAN", body.getString("data.adresse.libelle_commune"));
        assertEquals("71129", body.getString("data.adresse.code_commune"));
        assertEquals("", body.getString("data.adresse.acheminement_postal.l1"));
        assertEquals("BAROIN ODILE", body.getString("data.adresse.acheminement_postal.l2"));
        assertEquals("SOUVERT", body.getString("data.adresse.acheminement_postal.l4"));
        assertEquals("71540 CHISSEY EN MORVAN", body.getString("data.adresse.acheminement_postal.l6"));
        assertEquals("BIDAU", body.getString("data.unite_legale.personne_physique_attributs.nom_naissance"));
        assertEquals(410137200L, body.getLong("data.date_creation"), "1982-12-31");
        JsonPath adresse = ok(InseeOperation.ADRESSES_DIFFUSIBLES_V3, "41228838300018");
        assertEquals("SOUVERT", adresse.getString("data.libelle_voie"));
    }

    @Test
    void closedEstablishments() {
        Recordings.replay(insee, "siret/closed.yml");
        JsonPath body = ok(InseeOperation.ETABLISSEMENTS_V3, "49081738400020");
        assertEquals("F", body.getString("data.etat_administratif"));
        assertEquals(1315173600L, body.getLong("data.date_fermeture"), "2011-09-05");
        assertEquals(1183068000L, body.getLong("data.date_creation"), "2007-06-29");
        assertEquals("C", body.getString("data.unite_legale.etat_administratif"));
        assertEquals("B &D CONSULTING", body.getString("data.unite_legale.personne_morale_attributs.sigle"));
        assertEquals("153 RUE DE COURCELLES", body.getString("data.adresse.acheminement_postal.l4"));
        assertEquals("75017 PARIS 17", body.getString("data.adresse.acheminement_postal.l6"));
        assertEquals("BUSINESS &DECISION CONSULTING", body.getString("data.adresse.acheminement_postal.l1"));

        Recordings.replay(insee, "siret/closed_without_date.yml");
        JsonPath noDate = ok(InseeOperation.ETABLISSEMENTS_V4, "78365263900015");
        assertEquals("F", noDate.getString("data.etat_administratif"));
        assertNull(noDate.<Object>get("data.date_fermeture"));
    }

    @Test
    void secondaryEstablishmentOfAnotherGroup() {
        Recordings.replay(insee, "siret/active_GE_ss.yml");
        JsonPath body = ok(InseeOperation.ETABLISSEMENTS_V4, "50056940503239");
        assertEquals("500569405", body.getString("data.unite_legale.siren"));
        assertEquals("50056940503239", body.getString("data.siret"));
    }

    @Test
    void redirectedSiretFollowsInseeAndSaysSo() {
        Recordings.replay(insee, "siret/redirected.yml");
        JsonPath body = ok(InseeOperation.ETABLISSEMENTS_V3, "53222169400013");
        assertEquals("77887067500015", body.getString("data.siret"));
        assertEquals("53222169400013", body.getString("meta.redirect_from_siret"));
        assertEquals("ASSOCIATION POPULAIRE JOIE ET SANTE", body.getString("data.unite_legale.personne_morale_attributs.raison_sociale"));
        assertEquals("9260", body.getString("data.unite_legale.forme_juridique.code"));
        assertEquals("Association de droit local (Bas-Rhin, Haut-Rhin et Moselle)", body.getString("data.unite_legale.forme_juridique.libelle"));
        assertTrue(body.getBoolean("data.unite_legale.economie_sociale_et_solidaire"));
        assertEquals("21", body.getString("data.tranche_effectif_salarie.code"));
        assertEquals("50 à 99 salariés", body.getString("data.tranche_effectif_salarie.intitule"));
        assertEquals(1661759114L, body.getLong("meta.date_derniere_mise_a_jour"), "2022-08-29T09:45:14 Paris time");
    }

    @Test
    void nonDiffusibleEstablishment() {
        Recordings.replay(insee, "siret/non_diffusable.yml");
        JsonPath body = ok(InseeOperation.ETABLISSEMENTS_V3, "78951073200017");
        assertEquals("non_diffusible", body.getString("data.status_diffusion"));
        assertEquals("DE LA PAIX", body.getString("data.adresse.libelle_voie"));
        assertEquals("ETAGE 1", body.getString("data.adresse.complement_adresse"));
        assertEquals("DUPONT JEAN", body.getString("data.adresse.acheminement_postal.l2"));
        assertEquals(1577883638L, body.getLong("meta.date_derniere_mise_a_jour"), "2020-01-01T14:00:38 Paris time");
        ok(InseeOperation.ADRESSES_V3, "78951073200017");
        error(InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V3, "78951073200017", 404, "01003");
        error(InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V4, "78951073200017", 404, "01003");
        error(InseeOperation.ADRESSES_DIFFUSIBLES_V3, "78951073200017", 404, "01003");
    }

    @Test
    void establishmentsErrors() {
        Recordings.replay(insee, "siret/non_existent.yml");
        error(InseeOperation.ETABLISSEMENTS_V3, "00000000000000", 404, "01003");
        error(InseeOperation.ADRESSES_V3, "00000000000000", 404, "01003");
        Recordings.replay(insee, "siret/gendarmerie_limousin.yml");
        error(InseeOperation.ETABLISSEMENTS_V4, "15700033200013", 451, "01005");
        Recordings.replay(insee, "siret/non_diffusable_ceased.yml");
        error(InseeOperation.ETABLISSEMENTS_V3, "78951073200025", 451, "01005");
        error(InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V3, "78951073200025", 404, "01003");
    }

    // --- sièges ---------------------------------------------------------------------------

    @Test
    void headOffice() {
        Recordings.replay(insee, "siege/active_GE_with_token.yml");
        for (InseeOperation op : List.of(InseeOperation.SIEGES_V3, InseeOperation.SIEGES_V4,
                InseeOperation.SIEGES_DIFFUSIBLES_V3, InseeOperation.SIEGES_DIFFUSIBLES_V4)) {
            JsonPath body = ok(op, "306138900");
            assertEquals("30613890001294", body.getString("data.siret"));
            assertTrue(body.getBoolean("data.siege_social"));
            assertEquals("5800", body.getString("data.unite_legale.forme_juridique.code"));
            assertEquals("Société européenne", body.getString("data.unite_legale.forme_juridique.libelle"));
            assertFalse(body.getBoolean("data.unite_legale.economie_sociale_et_solidaire"));
            assertEquals("BP 123", body.getString("data.adresse.distribution_speciale"));
            assertEquals("BP 123", body.getString("data.adresse.acheminement_postal.l5"));
            assertEquals("75001 PARIS CEDEX 01", body.getString("data.adresse.acheminement_postal.l6"));
            assertEquals("2019", body.getString("data.tranche_effectif_salarie.date_reference"));
        }
    }

    @Test
    void headOfficeErrors() {
        Recordings.replay(insee, "siege/non_existent_with_token.yml");
        error(InseeOperation.SIEGES_V3, "000000000", 404, "01003");
        Recordings.replay(insee, "siege/gendarmerie_limousin_with_token.yml");
        error(InseeOperation.SIEGES_V4, "157000332", 404, "01003");
        Recordings.replay(insee, "siege/redirected_with_token.yml");
        error(InseeOperation.SIEGES_DIFFUSIBLES_V3, "532221694", 404, "01003");
        Recordings.replay(insee, "siege/non_diffusable_with_token.yml");
        JsonPath body = ok(InseeOperation.SIEGES_V3, "789510732");
        assertEquals("non_diffusible", body.getString("data.status_diffusion"));
        error(InseeOperation.SIEGES_DIFFUSIBLES_V3, "789510732", 404, "01003");
        error(InseeOperation.SIEGES_DIFFUSIBLES_V4, "789510732", 404, "01003");
    }

    @Test
    void headOfficeOfACeasedNonDiffusibleUnit() {
        // Recorded with INSEE's answer for the query on SIREN 789510732: no head office.
        Recordings.replay(insee, "siege/non_diffusable_ceased_with_token.yml");
        error(InseeOperation.SIEGES_V4, "789510732", 404, "01003");
    }

    // --- authentication ----------------------------------------------------------------------

    @Test
    void oauthTokenIsFetchedOnceAndSharedThroughRedis() {
        Recordings.replay(insee, "siren/active_GE_with_token.yml");
        ok(InseeOperation.UNITES_LEGALES_V3, "306138900");
        given().header("Cache-Control", "no-cache").get(OperationPaths.path(InseeOperation.UNITES_LEGALES_V4, "306138900"))
                .then().statusCode(200);
        insee.verify(1, postRequestedFor(urlEqualTo(Recordings.TOKEN_PATH)));
        insee.verify(2, getRequestedFor(urlEqualTo(Recordings.SIRENE_PATH + "/siren/306138900"))
                .withHeader("Authorization", equalTo("Bearer <INSEE_TOKEN>")));
        long expiresIn = Recordings.load("siren/active_GE_with_token.yml").stream()
                .filter(e -> e.path().equals(Recordings.TOKEN_PATH)).findFirst().map(e -> new JsonPath(e.body()).getLong("expires_in"))
                .orElseThrow();
        long ttl = redis.key(String.class).ttl("guichet:insee:oauth-token");
        assertTrue(ttl <= expiresIn - 60 && ttl > expiresIn - 90, "expires_in " + expiresIn + " minus the 60 s refresh margin, was " + ttl);
    }

    @Test
    void recordingsMadeWithATokenReplayTheirOwnTokenExchange() {
        record Case(String file, InseeOperation op, String id, int status, String expected) {
        }
        List<Case> cases = List.of(
                new Case("siren/non_diffusable_with_token.yml", InseeOperation.UNITES_LEGALES_V4, "789510732", 200, "DUPONT"),
                new Case("siren/non_existent_with_token.yml", InseeOperation.UNITES_LEGALES_V3, "000000000", 404, "01003"),
                new Case("siret/active_GE_with_token.yml", InseeOperation.ETABLISSEMENTS_V3, "30613890002979", 200, "DE LA PAIX"),
                new Case("siret/non_diffusable_with_token.yml", InseeOperation.ETABLISSEMENTS_V4, "78951073200017", 200, "non_diffusible"),
                new Case("siret/non_existent_with_token.yml", InseeOperation.ETABLISSEMENTS_V4, "00000000000000", 404, "01003"));
        for (Case c : cases) {
            freshState();
            Recordings.replay(insee, c.file());
            Response response = call(c.op(), c.id());
            assertEquals(c.status(), response.statusCode(), c.file() + " " + response.asString());
            assertTrue(response.asString().contains(c.expected()), c.file() + " " + response.asString());
            OpenApiContract.assertValid(OperationPaths.path(c.op(), c.id()), c.status(), response.asString());
            insee.verify(1, postRequestedFor(urlEqualTo(Recordings.TOKEN_PATH)));
        }
    }

    @Test
    void revokedTokenIsRenewedOnce() {
        Recordings.replay(insee, "siren/active_GE_with_token.yml");
        redis.value(String.class).set("guichet:insee:oauth-token", "revoked-token");
        insee.stubFor(get(urlEqualTo(Recordings.SIRENE_PATH + "/siren/306138900"))
                .withHeader("Authorization", equalTo("Bearer revoked-token"))
                .willReturn(aResponse().withStatus(401)));
        ok(InseeOperation.UNITES_LEGALES_V3, "306138900");
        insee.verify(1, postRequestedFor(urlEqualTo(Recordings.TOKEN_PATH)));
        assertEquals("<INSEE_TOKEN>", redis.value(String.class).get("guichet:insee:oauth-token"));
    }

    // --- successions -------------------------------------------------------------------------

    @Test
    void successions() {
        // No recording exists for successions: this INSEE answer is written after the
        // Sirene 3.11 documentation of GET /siret/liensSuccession.
        insee.stubFor(get(urlPathEqualTo(Recordings.SIRENE_PATH + "/siret/liensSuccession"))
                .withQueryParam("q", equalTo("siretEtablissementPredecesseur:30613890001286 OR siretEtablissementSuccesseur:30613890001286"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"header":{"statut":200,"message":"OK","total":2,"debut":0,"nombre":2},"liensSuccession":[
                         {"siretEtablissementPredecesseur":"30613890001278","siretEtablissementSuccesseur":"30613890001286",
                          "dateLienSuccession":"2021-10-15","transfertSiege":true,"continuiteEconomique":true,
                          "dateDernierTraitementLienSuccession":"2021-10-20T10:00:00"},
                         {"siretEtablissementPredecesseur":"30613890001286","siretEtablissementSuccesseur":"30613890001294",
                          "dateLienSuccession":"2022-12-15","transfertSiege":true,"continuiteEconomique":false,
                          "dateDernierTraitementLienSuccession":"2022-12-20T10:00:00"}]}""")));
        Response response = call(InseeOperation.SUCCESSIONS_V3, "30613890001286");
        assertEquals(200, response.statusCode(), response.asString());
        JsonPath body = response.jsonPath();
        assertEquals("30613890001278", body.getString("data.predecesseurs[0].siret"));
        assertEquals("2021-10-15", body.getString("data.predecesseurs[0].date_succession"));
        assertTrue(body.getBoolean("data.predecesseurs[0].transfert_siege"));
        assertEquals("30613890001294", body.getString("data.successeurs[0].siret"));
        assertFalse(body.getBoolean("data.successeurs[0].continuite_economique"));
        assertEquals(1, body.getList("data.successeurs").size());
        OpenApiContract.assertValid(OperationPaths.path(InseeOperation.SUCCESSIONS_V3, "30613890001286"), 200, response.asString());
    }
}
