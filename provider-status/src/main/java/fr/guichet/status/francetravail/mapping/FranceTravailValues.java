package fr.guichet.status.francetravail.mapping;

import com.fasterxml.jackson.databind.JsonNode;

/** How France Travail's values are read, as the reference implementation reads them. */
final class FranceTravailValues {

    private FranceTravailValues() {
    }

    /** The text of a field, or null when it is missing, null or blank (France Travail sends {@code " "} for "none"). */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** The date of a date-time such as {@code 1990-01-01T00:00:00+01:00} as written ({@code 1990-01-01}), or null. */
    static String date(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            return null;
        }
        return java.time.LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value).toString();
    }
}
