package fr.guichet.trace.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Why Jackson could not read a body or an event, in French and in the caller's terms: the field
 * (its JSON name and path) and what it should hold, or the line and column of a syntax error.
 * Jackson's own messages are English and name Guichet's Java classes
 * ({@code Unrecognized field "x" (class fr.guichet...)}, {@code Cannot deserialize value of type
 * ...}); they go to no caller.
 */
public final class JsonReadErrors {

    private JsonReadErrors() {
    }

    /**
     * The JSON pointer (RFC 6901, without its leading {@code /}) of the field a binding failure is
     * about, e.g. {@code status} or {@code parameters/siren}; {@code null} when it is about the
     * value as a whole.
     */
    public static String pointer(Throwable failure) {
        if (!(failure instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        return mapping.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName().replace("~", "~0").replace("/", "~1")
                        : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("/"));
    }

    /**
     * Why a value that is JSON did not bind to the expected object: one French sentence naming
     * the field ({@code « parameters.siren »}) and what it should hold.
     */
    public static String binding(Throwable failure) {
        String field = field(failure);
        if (failure instanceof UnrecognizedPropertyException unknown) {
            return "le champ « " + (field != null ? field : unknown.getPropertyName()) + " » n'est pas attendu";
        }
        if (field == null) {
            return failure instanceof MismatchedInputException ? "un objet JSON est attendu"
                    : "sa forme n'est pas celle attendue";
        }
        String expected = failure instanceof MismatchedInputException m ? expected(m.getTargetType()) : null;
        if (failure instanceof InvalidFormatException && expected != null) {
            return "le champ « " + field + " » n'a pas une valeur admise (attendu : " + expected + ")";
        }
        if (expected != null) {
            return "le champ « " + field + " » doit être " + expected;
        }
        return "le champ « " + field + " » n'a pas la forme attendue";
    }

    /**
     * Why a body could not be read as JSON: the line and column where the syntax breaks, or the
     * read limit it crosses; a French phrase to follow {@code "Le corps n'est pas un JSON valide"}.
     */
    public static String syntax(Throwable failure) {
        if (failure instanceof StreamConstraintsException) {
            return "une valeur dépasse les limites de lecture (longueur d'une chaîne ou d'un nombre, profondeur d'imbrication)";
        }
        if (failure instanceof JsonProcessingException json && json.getLocation() != null
                && json.getLocation() != JsonLocation.NA && json.getLocation().getLineNr() > 0) {
            JsonLocation at = json.getLocation();
            return "erreur de syntaxe à la ligne " + at.getLineNr() + ", colonne " + at.getColumnNr();
        }
        return "il n'a pas pu être lu jusqu'au bout";
    }

    /** The field's path as people read it: {@code parameters.siren}, {@code list[2]}; null for the root. */
    public static String field(Throwable failure) {
        if (!(failure instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : mapping.getPath()) {
            if (r.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value of this Java type is in JSON, in French; null when the type says nothing useful. */
    static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isEnum()) {
            return "l'une des valeurs " + enumValues(type).stream().map(v -> "« " + v + " »")
                    .collect(Collectors.joining(", "));
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "une chaîne de caractères";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "un booléen (true ou false)";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
            return "un nombre entier";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "un nombre";
        }
        if (type == UUID.class) {
            return "un identifiant UUID";
        }
        if (type == LocalDate.class) {
            return "une date ISO-8601 (2026-01-31)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "un horodatage ISO-8601 (2026-01-31T12:00:00Z)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "un tableau";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "un objet";
        }
        return null;
    }

    /** An enum's values as they are written in JSON ({@link JsonProperty} when present). */
    private static List<String> enumValues(Class<?> type) {
        List<String> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            String name = ((Enum<?>) constant).name();
            String wire = name;
            try {
                JsonProperty property = type.getField(name).getAnnotation(JsonProperty.class);
                if (property != null && !property.value().isEmpty()) {
                    wire = property.value();
                }
            } catch (NoSuchFieldException e) {
                // Every constant is a public field of its enum; keep its name if not.
            }
            values.add(wire);
        }
        return values;
    }
}
