package fr.guichet.insee.sandbox;

import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.insee.operation.InseeOperation;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
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
        Map<InseeOperation, List<SandboxCase>> result = new EnumMap<>(InseeOperation.class);
        int count = 0;
        for (SandboxCase c : SandboxCases.load(ROOT)) {
            InseeOperation op = byId.get(c.operationId());
            if (op != null) {
                result.computeIfAbsent(op, k -> new ArrayList<>()).add(c);
                count++;
            }
        }
        LOG.infof("Loaded %d INSEE sandbox fixtures", count);
        result.replaceAll((k, v) -> List.copyOf(v));
        return result;
    }
}
