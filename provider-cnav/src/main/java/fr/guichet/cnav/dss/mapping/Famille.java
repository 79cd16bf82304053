package fr.guichet.cnav.dss.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The family blocks CNAV answers for the quotient familial and the participation familiale EAJE
 * (members and address), in API Particulier's names (reference: {@code build_persons_attributes},
 * {@code build_address_attributes}); an empty string reads as null, as the reference's
 * {@code string_value_or_nil}.
 */
final class Famille {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Famille() {
    }

    /** Members ({@code allocataires} or {@code enfants}); {@code withBirthPlace} adds {@code code_cog_insee_commune_naissance}. */
    static ArrayNode persons(JsonNode members, boolean withBirthPlace) {
        ArrayNode persons = JSON.arrayNode();
        for (JsonNode member : members) {
            ObjectNode person = persons.addObject();
            person.put("nom_naissance", text(member, "nomNaissance"));
            person.put("nom_usage", text(member, "nomUsage"));
            person.put("prenoms", text(member, "listePrenoms"));
            String birth = text(member, "dateNaissance");
            // The quotient familial says an unknown date 0000-00-00 (the reference's date_naissance_or_default);
            // the participation familiale passes CNAV's value on.
            person.put("date_naissance", birth == null && !withBirthPlace ? "0000-00-00" : birth);
            person.put("sexe", text(member, "genre"));
            if (withBirthPlace) {
                person.put("code_cog_insee_commune_naissance", text(member, "cogNaissance"));
            }
        }
        return persons;
    }

    /** The family's address. */
    static ObjectNode address(JsonNode address) {
        return JSON.objectNode()
                .put("destinataire", text(address, "identite"))
                .put("complement_information", text(address, "complementInformation"))
                .put("complement_information_geographique", text(address, "complementInformationGeo"))
                .put("numero_libelle_voie", text(address, "numeroLibelleVoie"))
                .put("lieu_dit", text(address, "lieuDit"))
                .put("code_postal_ville", text(address, "codePostalVille"))
                .put("pays", text(address, "pays"));
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
