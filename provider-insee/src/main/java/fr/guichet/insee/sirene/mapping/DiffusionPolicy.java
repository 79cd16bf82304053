package fr.guichet.insee.sirene.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.insee.error.InseeErrors;
import fr.guichet.insee.sirene.mapping.SireneMapper;
import java.util.List;

/**
 * INSEE's diffusion rules on the {@code /diffusibles/} routes, which only release public data:
 * a non-diffusible entity (statut N) is not found; for a partially diffusible one (statut P),
 * the protected fields are replaced by {@code "[ND]"}. Protected routes return everything with
 * the status, so this policy is applied to diffusible operations only.
 */
public final class DiffusionPolicy {

    public static final String NOT_DIFFUSED = "[ND]";

    static final String DIFFUSIBLE = "diffusible";
    static final String PARTIAL = "partiellement_diffusible";
    static final String NON_DIFFUSIBLE = "non_diffusible";

    /** Natural persons' identity: sex, names, first names, pseudonym. */
    static final List<String> NATURAL_PERSON_FIELDS = List.of(
            "pseudonyme", "prenom_usuel", "prenom_1", "prenom_2", "prenom_3", "prenom_4", "nom_usage", "nom_naissance", "sexe");
    /** Everything of an address that locates it below the commune. */
    static final List<String> ADDRESS_FIELDS = List.of(
            "complement_adresse", "numero_voie", "indice_repetition_voie", "type_voie", "libelle_voie", "code_postal",
            "distribution_speciale", "code_cedex", "libelle_cedex");
    static final List<String> POSTAL_LINES = List.of("l1", "l2", "l3", "l4", "l5", "l6");

    private DiffusionPolicy() {
    }

    /** A unité légale {@code data} for a {@code /diffusibles/} route. */
    public static void uniteLegale(ObjectNode data) {
        String status = data.path("status_diffusion").asText();
        if (NON_DIFFUSIBLE.equals(status)) {
            throw InseeErrors.notFound();
        }
        if (PARTIAL.equals(status)) {
            maskUniteLegale(data);
        }
        data.put("diffusable_commercialement", true);
    }

    /** An établissement {@code data} (with its unité légale and address) for a {@code /diffusibles/} route. */
    public static void etablissement(ObjectNode data) {
        ObjectNode ul = (ObjectNode) data.get("unite_legale");
        String status = data.path("status_diffusion").asText();
        if (NON_DIFFUSIBLE.equals(status) || NON_DIFFUSIBLE.equals(ul.path("status_diffusion").asText())) {
            throw InseeErrors.notFound();
        }
        uniteLegale(ul);
        if (addressProtected(data)) {
            if (SireneMapper.PERSONNE_PHYSIQUE.equals(ul.path("type").asText())) {
                data.put("enseigne", NOT_DIFFUSED);
            }
            adresse((ObjectNode) data.get("adresse"), true);
        }
        data.put("diffusable_commercialement", true);
    }

    /** An adresse {@code data} for the diffusible adresse route; {@code partial} from the établissement. */
    public static void adresse(ObjectNode adresse, boolean partial) {
        if (NON_DIFFUSIBLE.equals(adresse.path("status_diffusion").asText())) {
            throw InseeErrors.notFound();
        }
        if (partial || PARTIAL.equals(adresse.path("status_diffusion").asText())) {
            ADDRESS_FIELDS.forEach(f -> adresse.put(f, NOT_DIFFUSED));
            JsonNode lines = adresse.get("acheminement_postal");
            if (lines instanceof ObjectNode postal) {
                POSTAL_LINES.forEach(l -> postal.put(l, NOT_DIFFUSED));
            }
        }
    }

    /**
     * An establishment's address is protected when the establishment is partially diffusible,
     * and always for a partially diffusible natural person, whose address is their own.
     */
    public static boolean addressProtected(JsonNode etablissement) {
        JsonNode ul = etablissement.path("unite_legale");
        return PARTIAL.equals(etablissement.path("status_diffusion").asText())
                || (PARTIAL.equals(ul.path("status_diffusion").asText())
                    && SireneMapper.PERSONNE_PHYSIQUE.equals(ul.path("type").asText()));
    }

    private static void maskUniteLegale(ObjectNode ul) {
        if (SireneMapper.PERSONNE_PHYSIQUE.equals(ul.path("type").asText())) {
            ObjectNode pp = (ObjectNode) ul.get("personne_physique_attributs");
            NATURAL_PERSON_FIELDS.forEach(f -> pp.put(f, NOT_DIFFUSED));
        } else {
            ((ObjectNode) ul.get("personne_morale_attributs")).put("sigle", NOT_DIFFUSED);
        }
    }
}
