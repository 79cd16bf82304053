package fr.guichet.deploy;

import fr.guichet.testing.metrics.PrometheusScrape;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Guichet meters a PromQL expression names, checked against the catalogue every service's
 * metrics test keeps true ({@code guichet-meters.txt} of test-support): a rule or a panel on a
 * meter no service exposes would stay silent or empty forever.
 */
final class MeterNames {

    private static final Pattern GUICHET = Pattern.compile("\\bguichet_[a-z0-9_]+\\b");
    /** Series a histogram or summary family adds to its name. */
    private static final List<String> SUFFIXES = List.of("_bucket", "_count", "_sum");

    private MeterNames() {
    }

    /** Every family of every service. */
    static Set<String> catalogue() {
        Set<String> all = new TreeSet<>();
        PrometheusScrape.catalogue().values().forEach(all::addAll);
        return all;
    }

    /** The {@code guichet_*} names of {@code promql} that are no catalogued family (nor a series of one). */
    static Set<String> unknown(String promql) {
        Set<String> known = catalogue();
        Set<String> unknown = new TreeSet<>();
        Matcher m = GUICHET.matcher(promql);
        while (m.find()) {
            String name = m.group();
            boolean found = known.contains(name);
            for (String suffix : SUFFIXES) {
                found |= name.endsWith(suffix) && known.contains(name.substring(0, name.length() - suffix.length()));
            }
            if (!found) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** The {@code guichet_*} names {@code promql} uses. */
    static Set<String> used(String promql) {
        Set<String> used = new TreeSet<>();
        Matcher m = GUICHET.matcher(promql);
        while (m.find()) {
            used.add(m.group());
        }
        return used;
    }
}
