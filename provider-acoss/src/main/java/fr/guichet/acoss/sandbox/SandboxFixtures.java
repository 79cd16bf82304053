package fr.guichet.acoss.sandbox;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The sandbox cases of API Entreprise for this adapter's operations (copied under
 * {@code sandbox/payloads/}, see the NOTICE there): each has {@code params}, a {@code status} and the
 * {@code payload} answered for exactly those parameters. Guichet's own cases under
 * {@code sandbox/guichet/} follow them: copies of official successes under identifiers whose
 * checksum is valid, since the gateway refuses the official ones' before they reach this adapter.
 */
@ApplicationScoped
public class SandboxFixtures {

    static final String ROOT = "sandbox/payloads/";
    /** Guichet's additions, kept apart from the copied official cases. */
    static final String GUICHET_ROOT = "sandbox/guichet/";

    private static final Logger LOG = Logger.getLogger(SandboxFixtures.class);

    private final Map<String, List<Fixture>> byOperation = new LinkedHashMap<>();

    public SandboxFixtures(ObjectMapper json) {
        YAMLMapper yaml = new YAMLMapper();
        load(ROOT, "", json, yaml);
        load(GUICHET_ROOT, "guichet/", json, yaml);
        LOG.debugf("%d sandbox cases loaded for %s", count(), byOperation.keySet());
    }

    /** The cases listed in {@code root}'s index; {@code label} prefixes their file names. */
    private void load(String root, String label, ObjectMapper json, YAMLMapper yaml) {
        for (String file : indexEntries(root)) {
            String operation = file.substring(0, file.indexOf('/'));
            try (InputStream in = resource(root + file)) {
                JsonNode node = yaml.readTree(in);
                Map<String, String> params = new LinkedHashMap<>();
                node.path("params").fields().forEachRemaining(f -> params.put(f.getKey(), f.getValue().asText()));
                JsonNode payload = json.readTree(node.path("payload").asText());
                byOperation.computeIfAbsent(operation, k -> new ArrayList<>())
                        .add(new Fixture(label + file, Map.copyOf(params), node.path("status").asInt(), payload));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable sandbox fixture " + root + file, e);
            }
        }
    }

    /** The case whose parameters are exactly {@code params} (defaults left out), if any. */
    public Optional<Fixture> find(String operationId, Map<String, String> params) {
        return byOperation.getOrDefault(operationId, List.of()).stream()
                .filter(f -> f.params().equals(params))
                .findFirst();
    }

    public int count() {
        return byOperation.values().stream().mapToInt(List::size).sum();
    }

    /** The payload is a fresh copy: callers may change it (document URLs). */
    public record Fixture(String file, Map<String, String> params, int status, JsonNode payload) {
        public JsonNode payloadCopy() {
            return payload.deepCopy();
        }
    }

    public static byte[] bytes(String path) {
        try (InputStream in = resource(ROOT + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> indexEntries(String root) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(root + "index.txt"),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            in = SandboxFixtures.class.getClassLoader().getResourceAsStream(path);
        }
        if (in == null) {
            throw new IllegalStateException("Missing class-path resource " + path);
        }
        return in;
    }
}
