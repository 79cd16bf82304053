package fr.guichet.testing.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The API Particulier contract helper reads every operation of the official file and judges bodies by it. */
class ParticulierContractTest {

    private static final String QF = "api_particulier_v3_cnav_quotient_familial_with_civility";
    private static final String QF_BODY = """
            {"data": {
              "allocataires": [{"nom_naissance": "LEFEBVRE", "nom_usage": null, "prenoms": "ALEXIS",
                                "date_naissance": "1982-12-27", "sexe": "F"}],
              "enfants": [],
              "adresse": {"destinataire": "Monsieur LEFEBVRE ALEXIS", "complement_information": null,
                          "complement_information_geographique": null, "numero_libelle_voie": "1 RUE MONTORGUEIL",
                          "lieu_dit": null, "code_postal_ville": "75002 PARIS", "pays": "FRANCE"},
              "quotient_familial": {"fournisseur": "CNAF", "valeur": 2550, "annee": 2023, "mois": 6,
                                    "annee_calcul": 2024, "mois_calcul": 12}},
             "links": {}, "meta": {}}
            """;

    @Test
    void everyOperationOfTheOfficialFileHasItsPath() {
        // 31 v3 operations, v4 CNOUS (3) and v4/v5 MEN (2): one path each.
        assertEquals(36, ParticulierContract.operations().size());
        assertEquals("/v3/dss/quotient_familial/identite", ParticulierContract.path(QF).orElseThrow());
        assertEquals("/v4/cnous/etudiant_boursier/ine",
                ParticulierContract.path("api_particulier_v4_cnous_etudiant_boursier_with_ine").orElseThrow());
        assertEquals(36, ParticulierContract.operations().values().stream().distinct().count());
    }

    @Test
    void aSandboxBodyConforms() {
        assertEquals(List.of(), ParticulierContract.problemList(QF, 200, QF_BODY));
        ParticulierContract.assertValid(QF, 200, QF_BODY);
    }

    @Test
    void aBodyWithAWrongTypeOrValueOrWithoutARequiredAttributeDoesNot() {
        String wrongType = QF_BODY.replace("\"valeur\": 2550", "\"valeur\": \"2550\"");
        assertTrue(ParticulierContract.problems(QF, 200, wrongType).contains("quotient_familial/valeur"),
                ParticulierContract.problems(QF, 200, wrongType));
        String badSex = QF_BODY.replace("\"sexe\": \"F\"", "\"sexe\": \"X\"");
        assertTrue(ParticulierContract.problems(QF, 200, badSex).contains("sexe"), ParticulierContract.problems(QF, 200, badSex));
        assertThrows(AssertionError.class, () -> ParticulierContract.assertValid(QF, 200, badSex));
        String aah = "api_particulier_v3_cnav_allocation_adulte_handicape_with_civility";
        assertEquals(List.of(), ParticulierContract.problemList(aah, 200,
                "{\"data\": {\"est_beneficiaire\": true, \"date_debut_droit\": \"2024-01-01\"}, \"links\": {}, \"meta\": {}}"));
        assertTrue(ParticulierContract.problems(aah, 200, "{\"data\": {\"est_beneficiaire\": true}, \"links\": {}, \"meta\": {}}")
                .contains("date_debut_droit"));
    }

    @Test
    void errorsFollowTheErrorSchemaAndAnUndocumentedStatusIsAProblem() {
        String error = """
                {"errors": [{"code": "37003", "title": "Dossier allocataire absent CNAV",
                  "detail": "Le dossier allocataire n'a pas été trouvé auprès de la CNAV.", "source": null,
                  "meta": {"provider": "CNAV"}}]}
                """;
        assertEquals(List.of(), ParticulierContract.problemList(QF, 404, error));
        assertTrue(!ParticulierContract.problemList(QF, 404, "{\"errors\": [{\"code\": \"37003\"}]}").isEmpty());
        assertTrue(!ParticulierContract.problemList(QF, 418, error).isEmpty());
    }

    @Test
    void onlyTheOfficialCasesKnownDivergenceIsTolerated() {
        String mesri = "api_particulier_v3_mesri_statut_etudiant_with_ine";
        String body = """
                {"data": {"identifiant": "1", "admissions": [{"date_debut": "2020-09-01", "date_fin": "2021-06-31",
                  "est_inscrit": true}]}, "links": {}, "meta": {}}
                """;
        assertTrue(ParticulierContract.problems(mesri, 200, body).contains("2021-06-31"), ParticulierContract.problems(mesri, 200, body));
        assertTrue(ParticulierContract.sandboxCaseProblems(mesri, body).stream().noneMatch(p -> p.contains("2021-06-31")));
        String notADate = body.replace("2021-06-31", "juin 2021");
        assertTrue(ParticulierContract.sandboxCaseProblems(mesri, notADate).stream().anyMatch(p -> p.contains("juin 2021")));
        assertTrue(ParticulierContract.sandboxCaseProblems(QF, QF_BODY.replace("\"valeur\": 2550", "\"valeur\": \"x\"")).size() > 0);
    }

    @Test
    void anUnknownOperationIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParticulierContract.problemList("api_particulier_v3_nope", 200, "{}"));
        assertTrue(e.getMessage().contains("api_particulier_v3_nope"));
    }
}
