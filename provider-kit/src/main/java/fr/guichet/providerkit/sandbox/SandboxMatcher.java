package fr.guichet.providerkit.sandbox;

import fr.guichet.common.sandbox.SandboxCase;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which sandbox case answers a call, by the rule of API Entreprise's staging as Guichet's
 * providers have applied it: a case matches when every parameter it names that the call gives
 * has the case's value (an array parameter: the same values in the same order); a parameter the
 * call lacks does not exclude a case (chiffres d'affaires without {@code year}); at least one
 * parameter must match. Among matching cases the one matching the most parameters wins, and
 * among equals the last one listed (a provider's own cases come after the copied official ones).
 */
public final class SandboxMatcher {

    private SandboxMatcher() {
    }

    public static Optional<SandboxCase> find(List<SandboxCase> cases, Map<String, List<String>> request) {
        SandboxCase found = null;
        int best = 0;
        for (SandboxCase c : cases) {
            int score = score(c, request);
            if (score > 0 && score >= best) {
                found = c;
                best = score;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Number of the case's parameters the request matches, or -1 when one of them differs. */
    static int score(SandboxCase c, Map<String, List<String>> request) {
        int score = 0;
        for (Map.Entry<String, List<String>> p : c.values().entrySet()) {
            List<String> given = request.get(p.getKey());
            if (given == null || given.isEmpty()) {
                continue;
            }
            if (!given.equals(p.getValue())) {
                return -1;
            }
            score++;
        }
        return score;
    }
}
