package fr.guichet.insee.sirene.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The only changes Guichet makes to INSEE's values: case, date format and spaces. Everything
 * else is passed on as INSEE gives it. All mappers go through here.
 */
public final class Standardisation {

    /** API Entreprise timestamps are the instant of local midnight in metropolitan France. */
    public static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private Standardisation() {
    }

    /** Trims, collapses runs of white space to one space; blank becomes null. Case untouched. */
    public static String text(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = value.strip().replaceAll("\\s+", " ");
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** A code or enumerated value: spaces as {@link #text}, upper case. */
    public static String code(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    /**
     * An INSEE date ({@code 2018-02-13}) or date-time ({@code 2020-01-01T14:00:38}, local French
     * time) as epoch seconds; null or unparseable stays null.
     */
    public static Long epochSeconds(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text).atStartOfDay(FRANCE).toEpochSecond();
            }
            return LocalDateTime.parse(text).atZone(FRANCE).toEpochSecond();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An INSEE date ({@code 2021-10-15}) kept as an ISO date, as the successions route gives it. */
    public static String isoDate(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** INSEE's {@code O}/{@code N} flags as booleans; anything else is unknown (null). */
    public static Boolean flag(String value) {
        String code = code(value);
        if ("O".equals(code)) {
            return Boolean.TRUE;
        }
        if ("N".equals(code)) {
            return Boolean.FALSE;
        }
        return null;
    }
}
