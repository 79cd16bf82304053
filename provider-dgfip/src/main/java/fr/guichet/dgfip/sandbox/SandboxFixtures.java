package fr.guichet.dgfip.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * API Entreprise sandbox cases of the DGFIP operations ({@code sandbox/payloads/OPERATION/*.yaml}:
 * {@code params}, {@code status}, {@code payload}), answered like the public staging: a case
 * matches when every parameter the caller gave that the case names has the case's value.
 * Guichet's own cases ({@code sandbox/guichet/OPERATION/*.yaml}) are loaded the same way, after
 * the official ones: copies of official successes under identifiers whose checksum is valid, since
 * the gateway refuses the official ones' before they reach a provider.
 */
@ApplicationScoped
public class SandboxFixtures {

    private static final Logger LOG = Logger.getLogger(SandboxFixtures.class);
    static final String ROOT = "sandbox/payloads/";
    /** Guichet's additions, kept apart from the copied official cases. */
    static final String GUICHET_ROOT = "sandbox/guichet/";

    /** One case: its parameters, HTTP status and body. */
    public record Fixture(String file, Map<String, String> params, int status, JsonNode payload) {
    }

    private final Map<String, List<Fixture>> byOperation = new LinkedHashMap<>();

    public SandboxFixtures(ObjectMapper json) {
        load(ROOT, "", json);
        load(GUICHET_ROOT, "guichet/", json);
        // Deterministic choice when several cases match (e.g. chiffres d'affaires without year): newest file name last.
        byOperation.values().forEach(list -> list.sort(Comparator.comparing(Fixture::file)));
        LOG.infof("Sandbox DGFIP : %d opérations, %d cas", byOperation.size(),
                byOperation.values().stream().mapToInt(List::size).sum());
    }

    /** The cases listed in {@code root}'s index; {@code label} prefixes their file names. */
    private void load(String root, String label, ObjectMapper json) {
        for (SandboxCase c : SandboxCases.load(root)) {
            try {
                byOperation.computeIfAbsent(c.operationId(), k -> new ArrayList<>())
                        .add(new Fixture(label + c.file(), c.params(), c.status(), json.readTree(c.payload())));
            } catch (IOException e) {
                throw new UncheckedIOException("Fixture illisible " + root + c.file(), e);
            }
        }
    }

    /**
     * The case for these request parameters. Parameters the case names but the request lacks
     * (e.g. {@code year} of chiffres d'affaires) do not exclude it; among several, the last wins.
     */
    public Optional<Fixture> find(String operation, Map<String, String> request) {
        Fixture found = null;
        int bestScore = -1;
        for (Fixture f : byOperation.getOrDefault(operation, List.of())) {
            int score = 0;
            boolean matches = true;
            for (Map.Entry<String, String> p : f.params().entrySet()) {
                String given = request.get(p.getKey());
                if (given == null) {
                    continue;
                }
                if (!given.equals(p.getValue())) {
                    matches = false;
                    break;
                }
                score++;
            }
            if (matches && score > 0 && score >= bestScore) {
                found = f;
                bestScore = score;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<Fixture> all(String operation) {
        return List.copyOf(byOperation.getOrDefault(operation, List.of()));
    }
}
