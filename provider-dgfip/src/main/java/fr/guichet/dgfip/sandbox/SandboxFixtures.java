package fr.guichet.dgfip.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
        YAMLMapper yaml = new YAMLMapper();
        load(ROOT, "", json, yaml);
        load(GUICHET_ROOT, "guichet/", json, yaml);
        // Deterministic choice when several cases match (e.g. chiffres d'affaires without year): newest file name last.
        byOperation.values().forEach(list -> list.sort(Comparator.comparing(Fixture::file)));
        LOG.infof("Sandbox DGFIP : %d opérations, %d cas", byOperation.size(),
                byOperation.values().stream().mapToInt(List::size).sum());
    }

    /** The cases listed in {@code root}'s index; {@code label} prefixes their file names. */
    private void load(String root, String label, ObjectMapper json, YAMLMapper yaml) {
        for (String file : index(root)) {
            String operation = file.substring(0, file.indexOf('/'));
            try (InputStream in = resource(root + file)) {
                JsonNode node = yaml.readTree(in);
                Map<String, String> params = new LinkedHashMap<>();
                node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                JsonNode payload = json.readTree(node.path("payload").asText());
                byOperation.computeIfAbsent(operation, k -> new ArrayList<>())
                        .add(new Fixture(label + file, Map.copyOf(params), node.path("status").asInt(), payload));
            } catch (IOException e) {
                throw new UncheckedIOException("Fixture illisible " + root + file, e);
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

    private static List<String> index(String root) {
        try (InputStream in = resource(root + "index.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Ressource absente du class path : " + path);
        }
        return in;
    }
}
