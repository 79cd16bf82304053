package fr.guichet.providerkit.sandbox;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.providerkit.config.KitConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sandbox mode, as API Entreprise's staging: the cases of the folders
 * {@code guichet.provider.sandbox-roots} (default {@code sandbox/}, each listing its files in
 * {@code index.txt}, {@code OPERATION/name.yaml}), matched on the call's parameters by
 * {@link SandboxMatcher}, with the operation's 404 case as the answer to anything else.
 * In sandbox mode the cases are read at start-up, so that an unreadable case stops the service at once.
 */
@Singleton
public class SandboxEngine {

    private static final Logger LOG = Logger.getLogger(SandboxEngine.class);

    private final ProviderConfig provider;
    private final KitConfig config;
    private volatile Map<String, List<SandboxCase>> byOperation;

    public SandboxEngine(ProviderConfig provider, KitConfig config) {
        this.provider = provider;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            cases();
        }
    }

    /** The case answering these selecting parameters, if any. */
    public Optional<SandboxCase> find(String operationId, Map<String, List<String>> params) {
        return SandboxMatcher.find(cases(operationId), params);
    }

    /** The operation's "not found" case (its first 404), if its cases have one. */
    public Optional<SandboxCase> notFoundCase(String operationId) {
        return cases(operationId).stream().filter(c -> c.status() == 404).findFirst();
    }

    /**
     * The number of cases of each versioned operation of {@code declarations}, by operation id
     * (0 for one without cases), in declaration order: what a provider's tests check of its set.
     */
    public Map<String, Integer> caseCounts(Collection<OperationDeclaration> declarations) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OperationDeclaration d : declarations) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                counts.put(p.operationId(), cases(p.operationId()).size());
            }
        }
        return counts;
    }

    /** The operation's cases, in load order. */
    public List<SandboxCase> cases(String operationId) {
        return cases().getOrDefault(operationId, List.of());
    }

    private Map<String, List<SandboxCase>> cases() {
        Map<String, List<SandboxCase>> loaded = byOperation;
        if (loaded == null) {
            synchronized (this) {
                loaded = byOperation;
                if (loaded == null) {
                    loaded = load(config.sandboxRoots());
                    byOperation = loaded;
                }
            }
        }
        return loaded;
    }

    static Map<String, List<SandboxCase>> load(List<String> roots) {
        Map<String, List<SandboxCase>> result = new LinkedHashMap<>();
        int count = 0;
        for (String root : roots) {
            for (SandboxCase c : SandboxCases.load(root.endsWith("/") ? root : root + "/")) {
                result.computeIfAbsent(c.operationId(), k -> new ArrayList<>()).add(c);
                count++;
            }
        }
        LOG.infof("Loaded %d sandbox cases of %d operations from %s", count, result.size(), roots);
        result.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(result);
    }
}
