package fr.guichet.social.conventions.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The Fabrique's conventions in API Entreprise's collection shape: one
 * {@code {"data": {...}, "links": {}, "meta": {"internal_id": id}}} per convention, the fields
 * renamed as the reference implementation does ({@code num} → {@code numero_idcc}, {@code title}
 * → {@code titre} trimmed, {@code etat} {@code VIGUEUR}/{@code VIGUEUR_ETEN} → {@code vigueur}/
 * {@code vigueur_etendue}, {@code date_publi} → {@code date_publication} as a date, null when absent).
 */
public final class ConventionsCollectives {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConventionsCollectives() {
    }

    /** The whole body: {@code {"data": [items], "links": {}, "meta": {}}}. */
    public static ObjectNode body(JsonNode conventions) {
        ObjectNode body = NODES.objectNode();
        ArrayNode items = body.putArray("data");
        conventions.forEach(c -> items.add(item(c)));
        body.putObject("links");
        body.putObject("meta");
        return body;
    }

    static ObjectNode item(JsonNode convention) {
        ObjectNode item = NODES.objectNode();
        ObjectNode data = item.putObject("data");
        data.put("type", "convention_collective");
        data.set("numero_idcc", convention.path("num").isMissingNode() ? NODES.nullNode() : convention.get("num"));
        data.put("titre", text(convention, "title"));
        data.put("titre_court", text(convention, "shortTitle"));
        data.set("active", convention.path("active").isBoolean() ? convention.get("active") : NODES.nullNode());
        data.put("etat", etat(convention.path("etat").asText(null)));
        data.put("url", convention.path("url").asText(null));
        ArrayNode synonymes = data.putArray("synonymes");
        convention.path("synonymes").forEach(synonymes::add);
        data.put("date_publication", date(convention.path("date_publi").asText(null)));
        item.putObject("links");
        item.putObject("meta").put("internal_id", convention.path("id").asText(null));
        return item;
    }

    private static String text(JsonNode convention, String field) {
        String value = convention.path(field).asText(null);
        return value == null ? null : value.strip();
    }

    static String etat(String etat) {
        if (etat == null) {
            return null;
        }
        return switch (etat) {
            case "VIGUEUR" -> "vigueur";
            case "VIGUEUR_ETEN" -> "vigueur_etendue";
            default -> etat;
        };
    }

    /** {@code 1963-03-25T00:00:00.000Z} → {@code 1963-03-25}; a date alone is kept; blank → null. */
    static String date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return value.length() >= 10 ? value.substring(0, 10) : value;
        }
    }
}
