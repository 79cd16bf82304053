package fr.guichet.registers.inpi.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer of {@code /v3/inpi/rne/unites_legales/{siren}/extrait_rne}, read from the RNE record
 * ({@code formality.content.personneMorale}, else {@code personnePhysique}) field by field as API
 * Entreprise's extrait RNE reads it, for the fields the official schema requires. Differences,
 * said in the module README: the labels of legal forms, APE/APRM codes and officers' roles come
 * from reference tables Guichet does not hold, so they are API Entreprise's own fallbacks
 * ({@code "Forme juridique 5710"}, {@code "Activité 62.01Z"}, {@code "Activité Art 1234"}, the role
 * code); {@code document_url} is INPI's public PDF export of the company (as in API Entreprise's
 * sandbox case), not a stored copy.
 */
public final class ExtraitRne {

    static final String STATUT_FERME = "6";
    private static final Pattern CLOTURE_MMDD = Pattern.compile("^(\\d{2})(\\d{2})$");
    private static final Pattern YEAR_MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final List<String> NATURES = List.of("COMMERCIALE", "ARTISANALE", "AGRICOLE", "LIBERALE");

    private ExtraitRne() {
    }

    /** The body ({@code data}, empty {@code links} and {@code meta}) of the RNE record {@code company}. */
    public static Map<String, Object> body(JsonNode company) {
        JsonNode formality = company.path("formality");
        JsonNode content = formality.path("content");
        JsonNode personne = content.path("personneMorale").isObject() && !content.path("personneMorale").isEmpty()
                ? content.path("personneMorale") : content.path("personnePhysique");
        String siren = text(formality.path("siren")) != null ? text(formality.path("siren")) : text(company.path("siren"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document_url", "https://data.inpi.fr/export/companies?format=pdf&ids="
                + URLEncoder.encode("[\"" + siren + "\"]", StandardCharsets.UTF_8));
        data.put("identite_entreprise", identite(siren, content, personne));
        data.put("dirigeants_et_associes", dirigeants(personne));
        data.put("etablissements", etablissements(personne));
        data.put("diffusion_commerciale", formality.path("diffusionCommerciale").asBoolean(false));
        data.put("diffusion_insee", "O".equals(formality.path("diffusionINSEE").asText()));
        int fermes = 0;
        if (personne.path("etablissementPrincipal").isObject()) {
            fermes += actif(personne.path("etablissementPrincipal")) ? 0 : 1;
        }
        for (JsonNode e : personne.path("autresEtablissements")) {
            fermes += actif(e) ? 0 : 1;
        }
        data.put("etablissements_fermes_total", fermes);
        data.put("observations", observations(content));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", data);
        body.put("links", Map.of());
        body.put("meta", Map.of());
        return body;
    }

    static Map<String, Object> identite(String siren, JsonNode content, JsonNode personne) {
        JsonNode entreprise = personne.path("identite").path("entreprise");
        JsonNode description = personne.path("identite").path("description");
        JsonNode entrepreneur = personne.path("identite").path("entrepreneur").path("descriptionPersonne");
        JsonNode natureCreation = content.path("natureCreation");
        String formeJuridique = text(entreprise.path("formeJuridique")) != null
                ? text(entreprise.path("formeJuridique")) : text(natureCreation.path("formeJuridique"));
        Map<String, Object> identite = new LinkedHashMap<>();
        identite.put("siren", siren);
        identite.put("denomination", text(entreprise.path("denomination")));
        identite.put("nom", text(entrepreneur.path("nom")));
        identite.put("prenoms", entrepreneur.path("prenoms").isArray() ? strings(entrepreneur.path("prenoms")) : null);
        identite.put("forme_juridique", code(formeJuridique, "Forme juridique "));
        identite.put("nature_entreprise", nature(text(content.path("formeExerciceActivitePrincipale"))));
        identite.put("associe_unique", entreprise.path("indicateurAssocieUnique").asBoolean(false));
        identite.put("date_immatriculation_rne", date(text(entreprise.path("dateImmat")) != null
                ? entreprise.path("dateImmat") : natureCreation.path("dateCreation")));
        // The reference takes the company's date, except for a sole trader with closed
        // establishments (then the oldest date of the open ones): the company's date here.
        identite.put("date_debut_activite", date(entreprise.path("dateDebutActiv")));
        identite.put("date_fin_personne", date(description.path("dateFinExistence")));
        identite.put("date_cloture_exercice", cloture(text(description.path("dateClotureExerciceSocial"))));
        identite.put("date_premiere_cloture_exercice", date(description.path("datePremiereCloture")));
        identite.put("detail_cessation", null);
        Map<String, Object> dissolution = new LinkedHashMap<>();
        dissolution.put("date", date(description.path("dateDissolutionDisparition")));
        dissolution.put("poursuite_activite", description.path("indicateurPoursuiteActivite").asBoolean(false));
        dissolution.put("avec_liquidation", null);
        identite.put("dissolution", dissolution);
        Map<String, Object> capital = new LinkedHashMap<>();
        capital.put("montant", description.path("montantCapital").isNumber() ? description.path("montantCapital").numberValue() : null);
        capital.put("devise", text(description.path("deviseCapital")) != null ? text(description.path("deviseCapital")) : "EUR");
        identite.put("capital_social", capital);
        String codeApe = text(entreprise.path("codeApe"));
        String objet = text(description.path("objet"));
        identite.put("activite_principales_objet_social", objet != null ? objet : codeApe == null ? null : "Activité " + codeApe);
        identite.put("code_APE", code(codeApe, "Activité "));
        JsonNode principale = activitePrincipale(personne.path("etablissementPrincipal").path("activites"));
        identite.put("code_APRM", aprm(principale));
        identite.put("adresse_siege_social", adresse(personne.path("adresseEntreprise").path("adresse")));
        return identite;
    }

    static List<Map<String, Object>> dirigeants(JsonNode personne) {
        List<Map<String, Object>> dirigeants = new ArrayList<>();
        for (JsonNode pouvoir : personne.path("composition").path("pouvoirs")) {
            String type = pouvoir.path("typeDePersonne").asText();
            if (pouvoir.path("actif").isBoolean() && !pouvoir.path("actif").asBoolean()
                    || !("P".equals(type) || "INDIVIDU".equals(type)) || !pouvoir.path("individu").isObject()) {
                continue;
            }
            JsonNode individu = pouvoir.path("individu");
            JsonNode description = individu.path("descriptionPersonne");
            Map<String, Object> dirigeant = new LinkedHashMap<>();
            dirigeant.put("nom", text(description.path("nom")));
            dirigeant.put("prenom", text(description.path("prenoms").path(0)));
            dirigeant.put("date_naissance", naissance(text(description.path("dateDeNaissance"))));
            JsonNode role = pouvoir.path("roleEntreprise");
            dirigeant.put("qualite", role.isTextual() ? role.asText()
                    : text(role.path("rolePersonne")) != null ? text(role.path("rolePersonne")) : text(role.path("denomination")));
            dirigeant.put("commune_residence", text(individu.path("adresseDomicile").path("commune")));
            dirigeants.add(dirigeant);
        }
        return dirigeants;
    }

    static List<Map<String, Object>> etablissements(JsonNode personne) {
        List<Map<String, Object>> etablissements = new ArrayList<>();
        JsonNode principal = personne.path("etablissementPrincipal");
        if (principal.isObject() && actif(principal)) {
            etablissements.add(etablissement(principal, "Siège et principal"));
        }
        for (JsonNode autre : personne.path("autresEtablissements")) {
            etablissements.add(etablissement(autre, "Secondaire"));
        }
        return etablissements;
    }

    private static Map<String, Object> etablissement(JsonNode etablissement, String type) {
        JsonNode description = etablissement.path("descriptionEtablissement");
        JsonNode principale = activitePrincipale(etablissement.path("activites"));
        List<String> autres = new ArrayList<>();
        for (JsonNode activite : etablissement.path("activites")) {
            // The reference joins the other activities' raw records; their descriptions here.
            if (!activite.path("indicateurPrincipal").asBoolean(false) && text(activite.path("descriptionDetaillee")) != null) {
                autres.add(text(activite.path("descriptionDetaillee")));
            }
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("siret", text(description.path("siret")));
        item.put("type_etablissement", type);
        item.put("statut", actif(etablissement) ? "actif" : "fermé");
        item.put("date_debut_activite", date(text(description.path("dateEffet")) != null
                ? description.path("dateEffet") : principale.path("dateDebut")));
        item.put("code_APE", code(text(description.path("codeApe")), "Activité "));
        item.put("code_APRM", aprm(principale));
        item.put("nature_etablissement", text(principale.path("formeExercice")));
        item.put("activite_principale", text(principale.path("descriptionDetaillee")));
        item.put("autre_activite", autres.isEmpty() ? null : String.join(", ", autres));
        item.put("adresse", adresse(etablissement.path("adresse")));
        return item;
    }

    static List<Map<String, Object>> observations(JsonNode content) {
        List<Map<String, Object>> observations = new ArrayList<>();
        for (JsonNode o : content.path("personneMorale").path("observations").path("rcs")) {
            observations.add(observation("rcs", text(o.path("numObservation")), date(o.path("dateAjout")), text(o.path("texte"))));
        }
        for (JsonNode o : content.path("inscriptionsOffices")) {
            observations.add(observation("rnm", null, date(o.path("dateEffet")), text(o.path("observationComplementaire"))));
        }
        // Newest first, undated last, as the reference sorts them (stable for equal dates).
        observations.sort(Comparator.comparing((Map<String, Object> o) -> (String) o.get("date"),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return observations;
    }

    private static Map<String, Object> observation(String fournisseur, String numero, String date, String texte) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("fournisseur", fournisseur);
        o.put("numero", numero);
        o.put("date", date);
        o.put("texte", texte);
        return o;
    }

    private static boolean actif(JsonNode etablissement) {
        JsonNode description = etablissement.path("descriptionEtablissement");
        return !STATUT_FERME.equals(description.path("statutPourFormalite").asText())
                && (description.path("dateEffetFermeture").isMissingNode() || description.path("dateEffetFermeture").isNull());
    }

    private static JsonNode activitePrincipale(JsonNode activites) {
        for (JsonNode activite : activites) {
            if (activite.path("indicateurPrincipal").asBoolean(false)) {
                return activite;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static Map<String, Object> aprm(JsonNode activite) {
        String code = text(activite.path("codeAprm"));
        Map<String, Object> aprm = new LinkedHashMap<>();
        aprm.put("code", code);
        aprm.put("libelle", code == null ? null : "Activité Art " + code);
        return aprm;
    }

    /** A code with the reference's fallback label (Guichet holds no table of labels). */
    private static Map<String, Object> code(String code, String labelPrefix) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("code", code);
        c.put("libelle", labelPrefix + (code == null ? "" : code));
        return c;
    }

    static Map<String, Object> adresse(JsonNode adresse) {
        if (!adresse.isObject()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String f : List.of("numVoie", "typeVoie", "voie")) {
            if (text(adresse.path(f)) != null) {
                parts.add(text(adresse.path(f)));
            }
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("voie", String.join(" ", parts).toUpperCase(java.util.Locale.ROOT));
        a.put("code_postal", text(adresse.path("codePostal")));
        String commune = text(adresse.path("commune"));
        a.put("commune", commune == null ? null : commune.toUpperCase(java.util.Locale.ROOT));
        a.put("pays", text(adresse.path("pays")) != null ? text(adresse.path("pays")) : "FRANCE");
        a.put("complement", text(adresse.path("complementLocalisation")));
        return a;
    }

    /**
     * The official enumeration of {@code nature_entreprise} (COMMERCIALE, ARTISANALE, AGRICOLE,
     * LIBERALE) for INPI's finer values ({@code LIBERALE_NON_REGLEMENTEE} → {@code LIBERALE}); the
     * reference passes INPI's value through. Others as they are.
     */
    static String nature(String value) {
        if (value == null) {
            return null;
        }
        for (String nature : NATURES) {
            if (value.startsWith(nature + "_")) {
                return nature;
            }
        }
        return value;
    }

    /** An officer's {@code yyyy-MM} birth month as the official {@code MM-yyyy}; the reference passes INPI's form. */
    static String naissance(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = YEAR_MONTH.matcher(value);
        return m.matches() ? m.group(2) + "-" + m.group(1) : value;
    }

    /** {@code MMDD} (or 4 digits) of a financial year's end as {@code DD-MM}, as the reference writes it. */
    static String cloture(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = CLOTURE_MMDD.matcher(value);
        return m.matches() ? m.group(2) + "-" + m.group(1) : value;
    }

    /** The date part ({@code yyyy-MM-dd}) of an ISO date or date-time, or null. */
    static String date(JsonNode value) {
        return ActesBilans.date(value);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String text(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
