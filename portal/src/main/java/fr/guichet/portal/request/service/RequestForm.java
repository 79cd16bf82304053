package fr.guichet.portal.request.service;

import fr.guichet.portal.demarche.service.ContactsForm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request for a new démarche as typed in the form ({@code /demarches/nouvelle}): the fields of
 * API Entreprise's "demande d'adhésion". Checked here first so that a person gets every mistake
 * at once, in French, without a round trip; token-service checks again (the catalogue, lengths).
 * Field names are the form's and token-service's {@code source.parameter} where they match.
 */
public record RequestForm(String apiKind, String intitule, String legalBasis, List<String> scopes, String volume,
                          String recipients, String techniqueEmail, String techniquePhone, String metierEmail,
                          String metierPhone, boolean termsAccepted) {

    /** Highest expected volume, calls a day (token-service's limit). */
    public static final int MAX_VOLUME = 10_000_000;

    public RequestForm {
        scopes = scopes == null ? List.of() : scopes.stream().filter(s -> s != null && !s.isBlank()).distinct().toList();
    }

    /** An empty form for {@code apiKind}. */
    public static RequestForm empty(String apiKind) {
        return new RequestForm(apiKind, null, null, List.of(), null, null, null, null, null, null, false);
    }

    /** Field name → French error, empty when the form is complete. */
    public Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"entreprise".equals(apiKind) && !"particulier".equals(apiKind)) {
            errors.put("api_kind", "Choisissez l'API demandée : API Entreprise ou API Particulier.");
        }
        required(errors, "intitule", intitule, "Indiquez l'intitulé de la démarche.");
        required(errors, "legal_basis", legalBasis,
                "Indiquez le cadre juridique qui vous autorise à accéder à ces données (texte et article).");
        if (scopes.isEmpty()) {
            errors.put("scopes", "Cochez au moins une donnée : uniquement celles strictement nécessaires à la démarche.");
        }
        if (volume == null || volume.isBlank()) {
            errors.put("expected_volume_per_day", "Indiquez le volume d'appels attendu par jour.");
        } else if (volumeValue() == null) {
            errors.put("expected_volume_per_day",
                    "Le volume d'appels par jour doit être un nombre entier entre 1 et " + MAX_VOLUME + ".");
        }
        required(errors, "recipients", recipients,
                "Indiquez les destinataires des données (services, agents qui les consulteront).");
        // The same rules and messages as the contacts of an existing démarche.
        errors.putAll(new ContactsForm(techniqueEmail, techniquePhone, metierEmail, metierPhone).errors());
        if (!termsAccepted) {
            errors.put("terms_accepted", "Vous devez accepter les conditions générales d'utilisation pour envoyer la demande.");
        }
        return errors;
    }

    /** The volume as a number, or null when it is not an integer from 1 to {@value #MAX_VOLUME}. */
    public Integer volumeValue() {
        if (volume == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(volume.strip().replace(" ", "").replace("\u00a0", ""));
            return v >= 1 && v <= MAX_VOLUME ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void required(Map<String, String> errors, String field, String value, String message) {
        if (value == null || value.isBlank()) {
            errors.put(field, message);
        }
    }
}
