package fr.guichet.portal.request.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request form's own checks (every mistake at once, in French) and its mapping to token-service. */
class RequestFormTest {

    static RequestForm complete() {
        return new RequestForm("entreprise", "Marchés publics", "Code de la commande publique, art. L. 2141-2",
                List.of("unites_legales_etablissements_insee", "attestation_fiscale_dgfip"), "1 200",
                "Service des marchés", "tech@mairie.fr", "01 23 45 67 89", "achats@mairie.fr", null, true);
    }

    @Test
    void aCompleteFormHasNoError() {
        assertEquals(Map.of(), complete().errors());
        assertEquals(1200, complete().volumeValue());
    }

    @Test
    void anEmptyFormNamesEveryMissingFieldInFrench() {
        Map<String, String> errors = RequestForm.empty("entreprise").errors();
        assertEquals(List.of("intitule", "legal_basis", "scopes", "expected_volume_per_day", "recipients",
                "technique_email", "metier_email", "terms_accepted"), List.copyOf(errors.keySet()));
        assertEquals("Indiquez l'intitulé de la démarche.", errors.get("intitule"));
        assertTrue(errors.get("terms_accepted").contains("conditions générales d'utilisation"));
    }

    @Test
    void badValuesAreExplained() {
        RequestForm form = new RequestForm("autre", "x", "y", List.of("s"), "0", "z", "pas-une-adresse", "abc",
                "achats@mairie.fr", null, true);
        Map<String, String> errors = form.errors();
        assertEquals(List.of("api_kind", "expected_volume_per_day", "technique_email", "technique_phone"),
                List.copyOf(errors.keySet()));
        assertTrue(errors.get("technique_email").contains("nom@domaine.fr"));
        assertNull(new RequestForm("entreprise", null, null, null, "12,5", null, null, null, null, null, false).volumeValue());
        assertNull(new RequestForm("entreprise", null, null, null, "10000001", null, null, null, null, null, false).volumeValue());
    }

    @Test
    void theBodyIsTokenServicesShape() throws Exception {
        String body = RequestService.body(complete()).toString();
        assertEquals(new ObjectMapper().readTree("""
                {"api_kind": "entreprise", "intitule": "Marchés publics",
                 "legal_basis": "Code de la commande publique, art. L. 2141-2",
                 "scopes": ["unites_legales_etablissements_insee", "attestation_fiscale_dgfip"],
                 "expected_volume_per_day": 1200, "recipients": "Service des marchés",
                 "contacts": {"technique": {"email": "tech@mairie.fr", "phone": "01 23 45 67 89"},
                              "metier": {"email": "achats@mairie.fr"}},
                 "terms_accepted": true}"""), new ObjectMapper().readTree(body));
    }

    @Test
    void tokenServiceErrorsLandOnTheirFields() {
        Map<String, String> errors = RequestService.fieldErrors("""
                {"errors": [
                  {"code": "00801", "detail": "Le scope « x » n'existe pas.", "source": {"parameter": "scopes"}},
                  {"code": "00801", "detail": "Le scope « y » n'existe pas.", "source": {"parameter": "scopes"}},
                  {"code": "00801", "detail": "L'adresse e-mail du contact metier n'est pas valide.",
                   "source": {"parameter": "contacts.metier.email"}},
                  {"code": "00800", "detail": "Corps illisible."}]}""");
        assertEquals("Le scope « x » n'existe pas. Le scope « y » n'existe pas.", errors.get("scopes"));
        assertEquals("L'adresse e-mail du contact metier n'est pas valide.", errors.get("metier_email"));
        assertEquals("Corps illisible.", errors.get("request"));
        assertTrue(RequestService.fieldErrors("<html>").containsKey("request"));
    }
}
