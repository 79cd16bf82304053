package fr.guichet.providerkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import fr.guichet.common.sandbox.SandboxCase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which sandbox case answers an API Particulier call, by the rule of API Particulier's staging
 * (its {@code MockDataBackend}: the case whose {@code params}, values lower-cased, give the same
 * query string as the call's parameters, lower-cased):
 * <ul>
 *   <li>the <b>exact set</b> of parameters: a case matches only when the call gives every parameter
 *       it names and no other. The parameters looked at are those the operation's cases name at all
 *       (the staging builds its key from the parameters each upstream uses, and the cases name
 *       exactly those): a parameter none of the operation's cases names ({@code recipient},
 *       {@code codeCogInseePaysNaissance} for CNOUS) neither selects nor excludes a case;</li>
 *   <li>text compared <b>case-insensitively</b> ({@code DUPONT}, {@code Dupont});</li>
 *   <li>an <b>array</b> ({@code prenoms[]}) matches an array case value only, with the same values
 *       in the same order; a case giving {@code prenoms} as a single text never matches an array;</li>
 *   <li>a case's <b>integer</b> ({@code moisDateNaissance: 1}) matches the call's value read as an
 *       integer, as the staging does with the birth date parts and {@code campaignYear}
 *       ({@code moisDateNaissance=01} and {@code =1} both match); a case's text ({@code '2025'}) is
 *       compared as text;</li>
 *   <li>a parameter given empty is as if not given.</li>
 * </ul>
 * Among cases matching (the official ones forbid two cases with the same parameters), the last
 * listed wins, as with API Entreprise's cases. No match: the operation's {@code 404.yaml}.
 */
public final class ParticulierMatcher {

    /** Parameters that never select data: the recipient, and what a caller might add by habit. */
    static final Set<String> NOT_SELECTING = Set.of("recipient", "context", "object", "token");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,18}");

    private ParticulierMatcher() {
    }

    /**
     * One case with its parameters as the case file types them (text, integer, array).
     *
     * @param params each parameter's YAML value: a text or number node, or an array node
     */
    public record TypedCase(SandboxCase sandboxCase, Map<String, JsonNode> params) {
    }

    /** A parameter of the call: its values, and whether it was sent as an array ({@code prenoms[]}). */
    record Given(boolean array, List<String> values) {
    }

    /** The case answering the call's query (wire names, {@code prenoms[]} included), if any. */
    public static Optional<SandboxCase> find(List<TypedCase> cases, Map<String, List<String>> query) {
        Set<String> named = new HashSet<>();
        cases.forEach(c -> named.addAll(c.params().keySet()));
        Map<String, Given> given = given(query, named);
        SandboxCase found = null;
        for (TypedCase c : cases) {
            if (matches(c.params(), given)) {
                found = c.sandboxCase();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The call's selecting parameters among {@code named}, by name without {@code []}. */
    static Map<String, Given> given(Map<String, List<String>> query, Set<String> named) {
        Map<String, Given> given = new LinkedHashMap<>();
        query.forEach((key, values) -> {
            boolean array = key.endsWith("[]");
            String name = array ? key.substring(0, key.length() - 2) : key;
            if (NOT_SELECTING.contains(name) || !named.contains(name) || values == null) {
                return;
            }
            List<String> kept = new ArrayList<>();
            values.stream().filter(v -> v != null && !v.isBlank()).forEach(kept::add);
            if (kept.isEmpty()) {
                return;
            }
            Given previous = given.get(name);
            if (previous != null) {
                // prenoms[]=A&prenoms=B: one parameter, an array
                List<String> all = new ArrayList<>(previous.values());
                all.addAll(kept);
                given.put(name, new Given(true, List.copyOf(all)));
            } else {
                given.put(name, new Given(array, List.copyOf(kept)));
            }
        });
        return given;
    }

    static boolean matches(Map<String, JsonNode> params, Map<String, Given> given) {
        if (!params.keySet().equals(given.keySet())) {
            return false;
        }
        for (Map.Entry<String, JsonNode> p : params.entrySet()) {
            Given g = given.get(p.getKey());
            JsonNode expected = p.getValue();
            if (expected.isArray()) {
                if (!g.array() || expected.size() != g.values().size()) {
                    return false;
                }
                for (int i = 0; i < expected.size(); i++) {
                    if (!sameScalar(expected.get(i), g.values().get(i))) {
                        return false;
                    }
                }
            } else if (g.array() || !sameScalar(expected, g.values().get(g.values().size() - 1))) {
                // a repeated scalar keeps its last value, as a Rails query does
                return false;
            }
        }
        return true;
    }

    private static boolean sameScalar(JsonNode expected, String given) {
        if (expected.isIntegralNumber()) {
            String v = given.strip();
            return INTEGER.matcher(v).matches() && Long.parseLong(v) == expected.asLong();
        }
        if (expected.isContainerNode() || expected.isNull()) {
            return false;
        }
        return expected.asText().toLowerCase(Locale.ROOT).equals(given.toLowerCase(Locale.ROOT));
    }
}
