package fr.guichet.token.proof.service;

import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.proof.config.ApiFamilies;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which API families ({@link ApiFamilies}) a habilitation belongs to, and what follows: whether it
 * requires a security proof, and its retention. Where several families apply, the strictest
 * obligation wins: a proof is required if any family requires one, and data are kept for the
 * longest time any family sets (the terms oblige to keep them that long).
 */
@ApplicationScoped
public class FamilyRules {

    private final Map<String, ApiFamilies.Family> families;

    public FamilyRules(ApiFamilies config) {
        this.families = config.all();
    }

    /** Names of the families covering {@code h}, sorted. */
    public List<String> familiesOf(Habilitation h) {
        return families.entrySet().stream().filter(e -> covers(e.getValue(), h)).map(Map.Entry::getKey).sorted().toList();
    }

    /** True when a family of {@code h} requires a security proof. */
    public boolean requiresProof(Habilitation h) {
        return families.values().stream().anyMatch(f -> f.securityProofRequired() && covers(f, h));
    }

    /** How long {@code h}'s contacts are kept after the end of use: the longest of its families', else {@code fallback}. */
    public Duration contactsAfter(Habilitation h, Duration fallback) {
        return longest(h, ApiFamilies.Family::contactsAfter).orElse(fallback);
    }

    /** How long {@code h}'s own data are kept after the end of use; empty when no family of it sets a time (kept). */
    public Optional<Duration> habilitationAfter(Habilitation h) {
        return longest(h, ApiFamilies.Family::habilitationAfter);
    }

    private Optional<Duration> longest(Habilitation h, Function<ApiFamilies.Family, Optional<Duration>> rule) {
        return families.values().stream().filter(f -> covers(f, h)).map(rule).flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    static boolean covers(ApiFamilies.Family f, Habilitation h) {
        if (f.apiKind().isPresent() && !f.apiKind().get().equals(h.apiKind)) {
            return false;
        }
        if (f.scopePrefixes().isEmpty()) {
            return true;
        }
        List<String> scopes = h.scopes == null ? List.of() : h.scopes;
        return scopes.stream().anyMatch(s -> f.scopePrefixes().get().stream().anyMatch(s::startsWith));
    }
}
