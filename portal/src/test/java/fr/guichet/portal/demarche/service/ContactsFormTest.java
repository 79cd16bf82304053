package fr.guichet.portal.demarche.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contact changes are checked before token-service is asked, with a French message per field. */
class ContactsFormTest {

    @Test
    void validContactsHaveNoError() {
        assertTrue(new ContactsForm("tech@mairie.fr", "01 23 45 67 89", "metier@mairie.fr", null).errors().isEmpty());
    }

    @Test
    void eachBadFieldHasItsOwnMessage() {
        Map<String, String> errors = new ContactsForm("pas-une-adresse", "abc", "", null).errors();
        assertEquals("L'adresse électronique du contact technique n'est pas valide : elle doit être de la forme nom@domaine.fr.",
                errors.get("technique_email"));
        assertTrue(errors.get("technique_phone").startsWith("Le numéro de téléphone du contact technique"));
        assertEquals("L'adresse électronique du contact métier est obligatoire.", errors.get("metier_email"));
        assertEquals(3, errors.size());
    }
}
