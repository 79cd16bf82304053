package fr.guichet.insee.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.insee.operation.InseeOperation;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The sandbox fixtures of API Entreprise's staging, on the class path under {@code sandbox/}
 * (listed by {@code sandbox/index.txt}), grouped by operation and matched on the call parameters.
 */
@Startup
@ApplicationScoped
public class SandboxCatalogue {

    static final String ROOT = "sandbox/";
    private static final Logger LOG = Logger.getLogger(SandboxCatalogue.class);

    private Map<InseeOperation, List<SandboxCase>> cases;

    /** Loaded at start-up, so that an unreadable fixture stops the service at once. */
    @PostConstruct
    void init() {
        this.cases = load();
    }

    /** The fixture whose parameters are exactly {@code params}, if any. */
    public Optional<SandboxCase> find(InseeOperation operation, Map<String, String> params) {
        return cases(operation).stream().filter(c -> c.params().equals(params)).findFirst();
    }

    /** The operation's "not found" fixture, if its fixture set has one. */
    public Optional<SandboxCase> notFoundCase(InseeOperation operation) {
        return cases(operation).stream().filter(c -> c.status() == 404).findFirst();
    }

    public List<SandboxCase> cases(InseeOperation operation) {
        return cases.getOrDefault(operation, List.of());
    }

    private static Map<InseeOperation, List<SandboxCase>> load() {
        Map<String, InseeOperation> byId = new LinkedHashMap<>();
        for (InseeOperation op : InseeOperation.values()) {
            byId.put(op.id(), op);
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<InseeOperation, List<SandboxCase>> result = new EnumMap<>(InseeOperation.class);
        int count = 0;
        for (String file : index()) {
            InseeOperation op = byId.get(file.substring(0, file.indexOf('/')));
            if (op == null) {
                continue;
            }
            try (InputStream in = resource(ROOT + file)) {
                JsonNode node = yaml.readTree(in);
                Map<String, String> params = new LinkedHashMap<>();
                node.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                result.computeIfAbsent(op, k -> new ArrayList<>())
                        .add(new SandboxCase(file, Map.copyOf(params), node.path("status").asInt(), node.path("payload").asText()));
                count++;
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable sandbox fixture " + file, e);
            }
        }
        LOG.infof("Loaded %d INSEE sandbox fixtures", count);
        result.replaceAll((k, v) -> List.copyOf(v));
        return result;
    }

    private static List<String> index() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource(ROOT + "index.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox index", e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing class-path resource " + path);
        }
        return in;
    }
}
