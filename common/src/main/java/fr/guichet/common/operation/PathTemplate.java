package fr.guichet.common.operation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template of an operation ({@code /v3/insee/sirene/unites_legales/{siren}}): a variable
 * matches one non-empty path segment. The gateway and the providers match paths with this one
 * class, so that both read a path the same way.
 */
public final class PathTemplate {

    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");

    private final String template;
    private final Pattern pattern;
    /** The template up to its first variable: a path that does not start with it cannot match. */
    private final String literalPrefix;
    private final List<String> variables;
    private final int literalSegments;
    /**
     * The template cut at its variables: literals at even indexes, variable names at odd ones,
     * when every variable is a whole segment (then a path is matched by walking it, no regex run);
     * null otherwise (the regex decides).
     */
    private final String[] parts;

    public PathTemplate(String template) {
        this.template = template;
        int brace = template.indexOf('{');
        this.literalPrefix = brace < 0 ? template : template.substring(0, brace);
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            // Named groups cannot hold "_": matched variables are read back by their stripped name.
            regex.append("(?<").append(m.group(1).replace("_", "")).append(">[^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        this.pattern = Pattern.compile(regex.toString());
        this.variables = List.copyOf(names);
        int literals = 0;
        for (String segment : template.split("/")) {
            if (!segment.isEmpty() && !segment.startsWith("{")) {
                literals++;
            }
        }
        this.literalSegments = literals;
        this.parts = wholeSegmentParts(template, names);
    }

    private static String[] wholeSegmentParts(String template, List<String> names) {
        String[] cut = template.split("\\{[a-z_]+}", -1);
        if (cut.length != names.size() + 1) {
            return null;
        }
        String[] parts = new String[cut.length + names.size()];
        for (int i = 0; i < cut.length; i++) {
            boolean beforeVariable = i < names.size();
            boolean afterVariable = i > 0;
            if (beforeVariable && !cut[i].endsWith("/") || afterVariable && !cut[i].isEmpty() && !cut[i].startsWith("/")) {
                return null;
            }
            parts[2 * i] = cut[i];
            if (beforeVariable) {
                parts[2 * i + 1] = names.get(i);
            }
        }
        return parts;
    }

    public String template() {
        return template;
    }

    /** Names of the variables, in path order. */
    public List<String> variables() {
        return variables;
    }

    /**
     * Number of literal segments: among templates matching one path, the one with more literal
     * segments wins ({@code .../diffusibles/{siren}} before {@code .../{siren}/siege_social}).
     */
    public int literalSegments() {
        return literalSegments;
    }

    /** The variables of {@code path} (raw, not decoded), or empty when the path does not match. */
    public Optional<Map<String, String>> match(String path) {
        // The gateway tries every route in turn: most are ruled out here without running a regex.
        if (!path.startsWith(literalPrefix)) {
            return Optional.empty();
        }
        if (parts == null) {
            Matcher m = pattern.matcher(path);
            if (!m.matches()) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String name : variables) {
                values.put(name, m.group(name.replace("_", "")));
            }
            return Optional.of(values);
        }
        return walk(path);
    }

    /** {@link #match} for a template whose variables are whole segments: the same answers, found without a regex. */
    private Optional<Map<String, String>> walk(String path) {
        // Most templates tried fail after their first variable: values become a map only on a match.
        String[] values = new String[variables.size()];
        int at = 0;
        for (int i = 0; i < parts.length; i += 2) {
            String literal = parts[i];
            if (!path.startsWith(literal, at)) {
                return Optional.empty();
            }
            at += literal.length();
            if (i + 1 < parts.length) {
                int end = path.indexOf('/', at);
                if (end < 0) {
                    end = path.length();
                }
                if (end == at) {
                    return Optional.empty();
                }
                values[i / 2] = path.substring(at, end);
                at = end;
            }
        }
        if (at != path.length()) {
            return Optional.empty();
        }
        Map<String, String> matched = new LinkedHashMap<>();
        for (int v = 0; v < values.length; v++) {
            matched.put(variables.get(v), values[v]);
        }
        return Optional.of(matched);
    }

    /**
     * The path with each variable replaced by its value (as given: the caller encodes).
     *
     * @throws IllegalArgumentException when a variable has no value
     */
    public String expand(Map<String, String> values) {
        String path = template;
        for (String name : variables) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException(template + ": no value for {" + name + "}");
            }
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    @Override
    public String toString() {
        return template;
    }
}
