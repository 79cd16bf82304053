package fr.guichet.testing.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Prometheus text exposition ({@code /q/metrics}) and checks Guichet's meters in it, the
 * one assertion every service's metrics test uses: each {@code guichet_*} family carries a
 * non-empty HELP text, and is listed in {@code guichet-meters.txt} (the catalogue of Guichet's
 * meter families the alert rules and the Grafana dashboard are checked against).
 */
public final class PrometheusScrape {

    /** The catalogue of Guichet's Prometheus families: {@code <service> <family>} per line. */
    public static final String CATALOGUE = "/fr/guichet/testing/metrics/guichet-meters.txt";

    /** The catalogue's entry for the families every provider has (the provider kit's). */
    public static final String PROVIDER_KIT = "provider-kit";

    private static final Pattern TYPE = Pattern.compile("^# TYPE (\\S+) (\\S+)$");
    private static final Pattern HELP = Pattern.compile("^# HELP (\\S+)(?: (.*))?$");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ].*$");

    /** A family of the exposition: its name (as the TYPE line gives it), type and HELP text (null when absent). */
    public record Family(String name, String type, String help) {
    }

    private final Map<String, Family> families;
    private final Set<String> sampleNames;

    private PrometheusScrape(Map<String, Family> families, Set<String> sampleNames) {
        this.families = families;
        this.sampleNames = sampleNames;
    }

    /** Parses a text exposition. */
    public static PrometheusScrape parse(String exposition) {
        Map<String, String> types = new TreeMap<>();
        Map<String, String> helps = new TreeMap<>();
        Set<String> samples = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            Matcher m;
            if ((m = TYPE.matcher(line)).matches()) {
                types.put(m.group(1), m.group(2));
            } else if ((m = HELP.matcher(line)).matches()) {
                helps.put(m.group(1), m.group(2) == null ? "" : m.group(2));
            } else if (!line.startsWith("#") && (m = SAMPLE.matcher(line)).matches()) {
                samples.add(m.group(1));
            }
        }
        Map<String, Family> families = new TreeMap<>();
        // The text format names a counter's family without its _total suffix; PromQL uses it with.
        types.forEach((name, type) -> {
            String family = "counter".equals(type) && !name.endsWith("_total") ? name + "_total" : name;
            families.put(family, new Family(family, type, helps.get(name)));
        });
        return new PrometheusScrape(families, samples);
    }

    /** The {@code guichet_*} families, by name. */
    public Map<String, Family> guichetFamilies() {
        Map<String, Family> out = new TreeMap<>();
        families.forEach((name, f) -> {
            if (name.startsWith("guichet_")) {
                out.put(name, f);
            }
        });
        return out;
    }

    /** The value of the first sample of {@code name} whose line contains every given {@code label="value"}. */
    public static double value(String exposition, String name, String... labels) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                boolean all = true;
                for (String label : labels) {
                    all &= line.contains(label);
                }
                if (all) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        throw new AssertionError("no sample " + name + " with " + List.of(labels));
    }

    /**
     * The shared assertion: every {@code guichet_*} family has a non-empty HELP, every
     * {@code guichet_*} sample belongs to a declared family, every family is in the catalogue under
     * {@code service} (or, for a provider, under {@link #PROVIDER_KIT}), and the {@code required}
     * families are all there.
     *
     * @return the {@code guichet_*} family names found
     */
    public static Set<String> assertGuichetMeters(String exposition, String service, String... required) {
        PrometheusScrape scrape = parse(exposition);
        Map<String, Family> guichet = scrape.guichetFamilies();
        List<String> problems = new ArrayList<>();
        for (Family f : guichet.values()) {
            if (f.help() == null || f.help().isBlank()) {
                problems.add(f.name() + " has no HELP text");
            }
        }
        for (String sample : scrape.sampleNames) {
            if (sample.startsWith("guichet_") && guichet.keySet().stream().noneMatch(sample::startsWith)) {
                problems.add("sample " + sample + " belongs to no declared family");
            }
        }
        Set<String> listed = new TreeSet<>(catalogue().getOrDefault(service, Set.of()));
        if (service.startsWith("provider-")) {
            listed.addAll(catalogue().getOrDefault(PROVIDER_KIT, Set.of()));
        }
        for (String name : guichet.keySet()) {
            if (!listed.contains(name)) {
                problems.add(name + " is not listed for " + service + " in " + CATALOGUE);
            }
        }
        for (String name : required) {
            if (!guichet.containsKey(name)) {
                problems.add(name + " is missing from " + service + "'s /q/metrics");
            }
        }
        assertEquals(List.of(), problems, "Guichet meters of " + service);
        assertTrue(!guichet.isEmpty() || required.length == 0);
        return guichet.keySet();
    }

    /** The catalogue: families by service. */
    public static Map<String, Set<String>> catalogue() {
        try (InputStream in = PrometheusScrape.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                fail(CATALOGUE + " not on the class path");
            }
            Map<String, Set<String>> out = new TreeMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\\s+");
                out.computeIfAbsent(parts[0], k -> new TreeSet<>()).add(parts[1]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
