package fr.guichet.associations.rna.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An RNA record as API Entreprise's v3 body
 * ({@code /v3/ministere_interieur/rna/associations/{siret_or_rna}}), field by field as API
 * Entreprise's MI::Associations::BuildResource and AssociationSerializer::V3 derive them: dates
 * {@code 0001-01-01} or empty are null, a date-time keeps its date; {@code etat} is
 * {@code identite/active}; {@code siret} is the caller's identifier when it is a SIRET.
 */
public final class AssociationV3 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");

    private AssociationV3() {
    }

    /**
     * The v3 body.
     *
     * @param siret the caller's SIRET, or null when it asked with an RNA number
     */
    public static String body(RnaRecord record, String siret) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode data = f.objectNode();
        data.put("rna_id", record.text("identite", "id_rna"));
        data.put("titre", record.text("identite", "nom"));
        data.put("objet", record.text("activites", "objet"));
        data.put("siret", siret);
        data.put("siret_siege_social", record.text("identite", "id_siret_siege"));
        data.put("date_creation", date(record.text("identite", "date_creat")));
        data.put("date_declaration", date(record.text("identite", "date_modif_rna")));
        data.put("date_publication", date(record.text("identite", "date_pub_jo")));
        data.put("date_dissolution", date(record.text("identite", "date_dissolution")));
        data.set("adresse_siege", address(record));
        data.put("etat", "true".equals(record.text("identite", "active")));
        data.put("groupement", record.text("identite", "groupement"));
        data.put("mise_a_jour", date(record.text("identite", "date_modif_rna")));
        ObjectNode body = f.objectNode();
        body.set("data", data);
        body.putObject("links");
        body.putObject("meta");
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode address(RnaRecord r) {
        String[] at = {"coordonnees", "adresse_siege"};
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        String complement = Stream.of("cplt_1", "cplt_2", "cplt_3").map(c -> field(r, at, c))
                .map(v -> v == null ? "" : v).collect(Collectors.joining(" ")).strip();
        a.put("complement", complement.isEmpty() ? null : complement);
        a.put("numero_voie", strip(field(r, at, "num_voie")));
        a.put("type_voie", strip(field(r, at, "type_voie")));
        a.put("libelle_voie", strip(field(r, at, "voie")));
        a.put("distribution", strip(field(r, at, "bp")));
        a.put("code_insee", strip(field(r, at, "code_insee")));
        a.put("code_postal", strip(field(r, at, "cp")));
        a.put("commune", strip(field(r, at, "commune")));
        return a;
    }

    private static String field(RnaRecord r, String[] at, String name) {
        return r.text(at[0], at[1], name);
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** {@code yyyy-MM-dd}, or null for an empty value, the ministry's {@code 0001-01-01} or an unreadable one. */
    static String date(String value) {
        if (value == null || value.isBlank() || value.startsWith("0001-01-01")) {
            return null;
        }
        Matcher m = DATE.matcher(value.strip());
        return m.find() ? m.group(1) : null;
    }
}
