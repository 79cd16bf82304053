package fr.guichet.acoss.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        load(ROOT, "", json);
        load(GUICHET_ROOT, "guichet/", json);
        LOG.debugf("%d sandbox cases loaded for %s", count(), byOperation.keySet());
    }

    /** The cases listed in {@code root}'s index; {@code label} prefixes their file names. */
    private void load(String root, String label, ObjectMapper json) {
        for (SandboxCase c : SandboxCases.load(root)) {
            try {
                byOperation.computeIfAbsent(c.operationId(), k -> new ArrayList<>())
                        .add(new Fixture(label + c.file(), c.params(), c.status(), json.readTree(c.payload())));
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable sandbox payload " + root + c.file(), e);
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
        return SandboxCases.bytes(ROOT + path);
    }
}
