package fr.guichet.portal.demarche.service;

import fr.guichet.portal.login.service.LoginService;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The contacts a partner edits on a démarche: technique and métier (the demandeur stays as
 * instructed). E-mails are required, phones optional.
 */
public record ContactsForm(String techniqueEmail, String techniquePhone, String metierEmail, String metierPhone) {

    /** Field name → French error, empty when the form is valid. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        checkEmail(errors, "technique_email", techniqueEmail, "du contact technique");
        checkPhone(errors, "technique_phone", techniquePhone, "du contact technique");
        checkEmail(errors, "metier_email", metierEmail, "du contact métier");
        checkPhone(errors, "metier_phone", metierPhone, "du contact métier");
        return errors;
    }

    private static void checkEmail(Map<String, String> errors, String field, String value, String whose) {
        if (value == null || value.isBlank()) {
            errors.put(field, "L'adresse électronique " + whose + " est obligatoire.");
        } else if (!LoginService.plausibleEmail(value)) {
            errors.put(field, "L'adresse électronique " + whose + " n'est pas valide : elle doit être de la forme nom@domaine.fr.");
        }
    }

    private static void checkPhone(Map<String, String> errors, String field, String value, String whose) {
        if (value != null && !value.isBlank() && !value.strip().matches("^\\+?[0-9 .()-]{6,20}$")) {
            errors.put(field, "Le numéro de téléphone " + whose + " n'est pas valide : chiffres, espaces et + seulement (ex. 01 23 45 67 89).");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
