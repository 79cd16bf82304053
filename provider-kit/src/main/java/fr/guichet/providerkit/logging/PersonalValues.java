package fr.guichet.providerkit.logging;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The parameter values of the API Particulier call a worker thread is answering (names, first
 * names, birth dates, INE, identifiants, immatriculation...), so that no log line written meanwhile
 * shows them: {@link PersonalDataRedaction} masks them in every log record of the thread, and the
 * upstream client masks them in the paths and failures it logs and in its metric labels.
 *
 * <p>The forms an adapter may derive from them are masked too: upper and lower case (any case,
 * in fact), URL-encoded, the first names joined ({@code "JEAN PAUL"}, {@code "JEAN, PAUL"}) and the
 * birth date written {@code 1982-09-03}, {@code 03/09/1982}, {@code 03091982}, {@code 19820903}.
 * Values of one or two characters (a sex, a month) are not masked alone: they name nobody and
 * would garble every line.
 */
public final class PersonalValues {

    /** What replaces a value in a log line. */
    public static final String MASK = "[masqué]";
    /** Parameters that are no one's personal data: the recipient is an administration's SIRET. */
    static final Set<String> NOT_PERSONAL = Set.of("recipient", "context", "object", "token");
    private static final ThreadLocal<PersonalValues> CURRENT = new ThreadLocal<>();
    private static final PersonalValues NONE = new PersonalValues(null);

    private final Pattern pattern;

    private PersonalValues(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The values of an API Particulier call's query (wire names, {@code prenoms[]}). */
    public static PersonalValues of(Map<String, List<String>> query) {
        Set<String> forms = new LinkedHashSet<>();
        List<String> firstNames = new ArrayList<>();
        query.forEach((key, values) -> {
            String name = key.endsWith("[]") ? key.substring(0, key.length() - 2) : key;
            if (NOT_PERSONAL.contains(name) || values == null) {
                return;
            }
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    add(forms, v.strip());
                    if (name.equals("prenoms")) {
                        firstNames.add(v.strip());
                    }
                }
            }
        });
        if (firstNames.size() > 1) {
            add(forms, String.join(" ", firstNames));
            add(forms, String.join(", ", firstNames));
            add(forms, String.join(",", firstNames));
        }
        Integer year = integer(query, "anneeDateNaissance");
        Integer month = integer(query, "moisDateNaissance");
        Integer day = integer(query, "jourDateNaissance");
        if (year != null && month != null && day != null) {
            add(forms, String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
            add(forms, String.format(Locale.ROOT, "%02d/%02d/%04d", day, month, year));
            add(forms, String.format(Locale.ROOT, "%02d%02d%04d", day, month, year));
            add(forms, String.format(Locale.ROOT, "%04d%02d%02d", year, month, day));
        }
        if (forms.isEmpty()) {
            return NONE;
        }
        String alternatives = forms.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return new PersonalValues(Pattern.compile(alternatives, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    private static void add(Set<String> forms, String value) {
        if (value.length() < 3) {
            return;
        }
        forms.add(value);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        forms.add(encoded);
        forms.add(encoded.replace("+", "%20"));
    }

    private static Integer integer(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || !values.get(0).strip().matches("[0-9]{1,4}")) {
            return null;
        }
        return Integer.valueOf(values.get(0).strip());
    }

    /** The values of the call the current thread answers; none outside an API Particulier call. */
    public static PersonalValues current() {
        PersonalValues values = CURRENT.get();
        return values == null ? NONE : values;
    }

    /**
     * Marks the current thread as answering a call with these values until the scope is closed
     * (the kit's {@code OperationResource} opens one around each API Particulier call).
     */
    public static Scope enter(PersonalValues values) {
        PersonalValues previous = CURRENT.get();
        CURRENT.set(values);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** Whether there is anything to mask. */
    public boolean isEmpty() {
        return pattern == null;
    }

    /** {@code text} with every value replaced by {@link #MASK}; null stays null. */
    public String mask(String text) {
        return mask(text, MASK);
    }

    /** {@code text} with every value replaced by {@code replacement} ({@code {id}} in a metric path). */
    public String mask(String text, String replacement) {
        if (pattern == null || text == null || text.isEmpty()) {
            return text;
        }
        return pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /** A scope of {@link #enter}: closing it restores what the thread had before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
