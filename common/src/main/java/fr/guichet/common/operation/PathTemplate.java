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
