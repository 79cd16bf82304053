package fr.guichet.insee.production;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.insee.sirene.rest.OperationPaths;
import fr.guichet.insee.testing.OpenApiContract;
import fr.guichet.insee.testing.ProductionModeProfile;
import fr.guichet.insee.testing.Recordings;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Diffusion rules on every {@code /diffusibles/} operation. The recordings hold diffusible (O)
 * and non-diffusible (N) units only; partially diffusible (P) cases are derived from them by
 * changing nothing but INSEE's {@code statutDiffusion} values to {@code P}.
 */
@QuarkusTest
@TestProfile(ProductionModeProfile.class)
class DiffusionRulesTest {

    private static final String ND = "[ND]";
    /** Values of the natural person of siren/active_AE.yml and siret/active_AE.yml that P protects. */
    private static final List<String> PROTECTED_VALUES = List.of("BIDAU", "BAROIN", "ODILE", "RENEE", "JANINE", "SOUVERT", "71540");
    /** Enumerated fields whose "[ND]" the official OpenAPI describes but does not enumerate. */
    private static final List<String> ND_ENUMS = List.of("sexe", "type_voie", "indice_repetition_voie");

    WireMockServer insee;

    @Inject
    RedisDataSource redis;

    @BeforeEach
    void freshState() {
        insee.resetAll();
        Recordings.replay(insee, "token.yml");
        List<String> keys = redis.key(String.class).keys("guichet:insee:*");
        if (!keys.isEmpty()) {
            redis.key(String.class).del(keys.toArray(String[]::new));
        }
    }

    private static UnaryOperator<String> statusTo(String from, String to) {
        return body -> body
                .replace("\"statutDiffusionUniteLegale\":\"" + from + "\"", "\"statutDiffusionUniteLegale\":\"" + to + "\"")
                .replace("\"statutDiffusionEtablissement\":\"" + from + "\"", "\"statutDiffusionEtablissement\":\"" + to + "\"");
    }

    private static Response call(InseeOperation op, String id) {
        return given().queryParams(OperationPaths.MANDATORY_PARAMS).get(OperationPaths.path(op, id));
    }

    private static JsonPath diffusible(InseeOperation op, String id) {
        Response response = call(op, id);
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(OperationPaths.path(op, id), 200, response.asString(), ND_ENUMS);
        return response.jsonPath();
    }

    private static String protectedBody(InseeOperation op, String id) {
        Response response = call(op, id);
        assertEquals(200, response.statusCode(), response.asString());
        OpenApiContract.assertValid(OperationPaths.path(op, id), 200, response.asString());
        assertFalse(response.asString().contains(ND), "no [ND] on a protected route: " + response.asString());
        return response.asString();
    }

    private static void assertNoProtectedValue(String body) {
        for (String value : PROTECTED_VALUES) {
            assertFalse(body.contains(value), value + " leaked: " + body);
        }
    }

    @Test
    void partiallyDiffusibleNaturalPersonUnit() {
        Recordings.replay(insee, "siren/active_AE.yml", statusTo("O", "P"));
        for (InseeOperation op : List.of(InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V3, InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V4)) {
            JsonPath body = diffusible(op, "412288383");
            assertEquals("partiellement_diffusible", body.getString("data.status_diffusion"));
            assertTrue(body.getBoolean("data.diffusable_commercialement"));
            for (String field : List.of("pseudonyme", "prenom_usuel", "prenom_1", "prenom_2", "prenom_3", "prenom_4", "nom_usage", "nom_naissance", "sexe")) {
                assertEquals(ND, body.getString("data.personne_physique_attributs." + field), field);
            }
            assertEquals("Entrepreneur individuel", body.getString("data.forme_juridique.libelle"));
            assertNoProtectedValue(body.prettify());
        }
        for (InseeOperation op : List.of(InseeOperation.UNITES_LEGALES_V3, InseeOperation.UNITES_LEGALES_V4)) {
            JsonPath body = new JsonPath(protectedBody(op, "412288383"));
            assertEquals("partiellement_diffusible", body.getString("data.status_diffusion"));
            assertFalse(body.getBoolean("data.diffusable_commercialement"));
            assertEquals("BIDAU", body.getString("data.personne_physique_attributs.nom_naissance"));
        }
    }

    @Test
    void partiallyDiffusibleNaturalPersonEstablishmentAndAddress() {
        Recordings.replay(insee, "siret/active_AE.yml", statusTo("O", "P"));
        for (InseeOperation op : List.of(InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V3, InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V4)) {
            JsonPath body = diffusible(op, "41228838300018");
            assertEquals("partiellement_diffusible", body.getString("data.status_diffusion"));
            assertTrue(body.getBoolean("data.diffusable_commercialement"));
            assertEquals(ND, body.getString("data.enseigne"), "a natural person's sign is protected");
            for (String field : List.of("numero_voie", "indice_repetition_voie", "type_voie", "libelle_voie", "complement_adresse",
                    "code_postal", "distribution_speciale", "code_cedex", "libelle_cedex")) {
                assertEquals(ND, body.getString("data.adresse." + field), field);
            }
            for (String line : List.of("l1", "l2", "l3", "l4", "l5", "l6")) {
                assertEquals(ND, body.getString("data.adresse.acheminement_postal." + line), line);
            }
            assertEquals("FRANCE", body.getString("data.adresse.acheminement_postal.l7"));
            assertEquals("CHISSEY EN MORVAN", body.getString("data.adresse.libelle_commune"));
            assertEquals("71129", body.getString("data.adresse.code_commune"));
            assertEquals(ND, body.getString("data.unite_legale.personne_physique_attributs.nom_naissance"));
            assertNoProtectedValue(body.prettify());
        }
        JsonPath adresse = diffusible(InseeOperation.ADRESSES_DIFFUSIBLES_V3, "41228838300018");
        assertEquals(ND, adresse.getString("data.libelle_voie"));
        assertEquals(ND, adresse.getString("data.acheminement_postal.l2"));
        assertNoProtectedValue(adresse.prettify());

        String full = protectedBody(InseeOperation.ETABLISSEMENTS_V3, "41228838300018");
        assertTrue(full.contains("SOUVERT") && full.contains("BAROIN ODILE"), full);
        protectedBody(InseeOperation.ETABLISSEMENTS_V4, "41228838300018");
        assertTrue(protectedBody(InseeOperation.ADRESSES_V3, "41228838300018").contains("71540 CHISSEY EN MORVAN"));
    }

    @Test
    void partiallyDiffusibleHeadOffice() {
        // siege/non_diffusable_with_token.yml is a natural person's head office, recorded as N.
        Recordings.replay(insee, "siege/non_diffusable_with_token.yml", statusTo("N", "P"));
        for (InseeOperation op : List.of(InseeOperation.SIEGES_DIFFUSIBLES_V3, InseeOperation.SIEGES_DIFFUSIBLES_V4)) {
            JsonPath body = diffusible(op, "789510732");
            assertEquals("partiellement_diffusible", body.getString("data.status_diffusion"));
            assertEquals(ND, body.getString("data.adresse.libelle_voie"));
            assertEquals(ND, body.getString("data.unite_legale.personne_physique_attributs.prenom_1"));
            assertFalse(body.prettify().contains("DUPONT"), body.prettify());
        }
        assertTrue(protectedBody(InseeOperation.SIEGES_V4, "789510732").contains("DUPONT"));
    }

    @Test
    void partiallyDiffusibleLegalPersonHidesItsAcronym() {
        Recordings.replay(insee, "siren/ceased.yml", statusTo("O", "P"));
        for (InseeOperation op : List.of(InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V3, InseeOperation.UNITES_LEGALES_DIFFUSIBLES_V4)) {
            JsonPath body = diffusible(op, "490817384");
            assertEquals(ND, body.getString("data.personne_morale_attributs.sigle"));
            assertEquals("BUSINESS &DECISION CONSULTING", body.getString("data.personne_morale_attributs.raison_sociale"));
            assertEquals(null, body.getString("data.personne_physique_attributs.nom_naissance"));
        }
        assertTrue(protectedBody(InseeOperation.UNITES_LEGALES_V3, "490817384").contains("\"sigle\":\"B &D CONSULTING\""));

        Recordings.replay(insee, "siret/closed.yml", statusTo("O", "P"));
        JsonPath etablissement = diffusible(InseeOperation.ETABLISSEMENTS_DIFFUSIBLES_V4, "49081738400020");
        assertEquals(ND, etablissement.getString("data.unite_legale.personne_morale_attributs.sigle"));
        assertEquals(null, etablissement.getString("data.enseigne"), "a legal person's sign stays public");
        assertEquals(ND, etablissement.getString("data.adresse.libelle_voie"));
        assertFalse(etablissement.prettify().contains("B &D CONSULTING"));
        assertTrue(protectedBody(InseeOperation.ETABLISSEMENTS_V3, "49081738400020").contains("B &D CONSULTING"));
    }

    @Test
    void nonDiffusibleOnEveryDiffusibleOperation() {
        Recordings.replay(insee, "siren/non_diffusable.yml");
        Recordings.replay(insee, "siege/non_diffusable_with_token.yml");
        for (InseeOperation op : InseeOperation.values()) {
            if (!op.diffusible()) {
                continue;
            }
            String id = op.identifierKind() == InseeOperation.IdentifierKind.SIREN ? "789510732" : "78951073200017";
            Response response = call(op, id);
            assertEquals(404, response.statusCode(), op + " " + response.asString());
            assertEquals("01003", response.jsonPath().getString("errors[0].code"));
            assertFalse(response.asString().contains("DUPONT"));
        }
    }
}
