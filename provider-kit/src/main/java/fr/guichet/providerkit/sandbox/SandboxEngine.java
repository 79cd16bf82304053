package fr.guichet.providerkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.resource.ClassPathFiles;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.providerkit.config.KitConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Sandbox mode, as API Entreprise's staging: the cases of the folders
 * {@code guichet.provider.sandbox-roots} (default {@code sandbox/}, each listing its files in
 * {@code index.txt}, {@code OPERATION/name.yaml}), matched on the call's parameters by
 * {@link SandboxMatcher} (API Entreprise) or {@link ParticulierMatcher} (API Particulier), with
 * the operation's 404 case as the answer to anything else.
 * In sandbox mode the cases are read at start-up, so that an unreadable case stops the service at once.
 */
@Singleton
public class SandboxEngine {

    private static final Logger LOG = Logger.getLogger(SandboxEngine.class);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final ProviderConfig provider;
    private final KitConfig config;
    private volatile Loaded loaded;
    private final Map<String, List<ParticulierMatcher.TypedCase>> typed = new ConcurrentHashMap<>();

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
     * The case answering an API Particulier call, by API Particulier's rule ({@link ParticulierMatcher}).
     *
     * @param query the call's query parameters by wire name ({@code prenoms[]}), {@code recipient} included
     */
    public Optional<SandboxCase> findParticulier(String operationId, Map<String, List<String>> query) {
        return ParticulierMatcher.find(typedCases(operationId), query);
    }

    /**
     * An API Particulier operation's "not found" case: its {@code 404.yaml}, as API Particulier's
     * staging answers a call no case matches; else its first 404 case.
     */
    public Optional<SandboxCase> particulierNotFoundCase(String operationId) {
        return cases(operationId).stream()
                .filter(c -> c.status() == 404 && c.file().substring(c.file().lastIndexOf('/') + 1).matches("404\\.ya?ml"))
                .findFirst()
                .or(() -> notFoundCase(operationId));
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
        return loaded().byOperation();
    }

    private Loaded loaded() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = load(config.sandboxRoots());
                    loaded = current;
                }
            }
        }
        return current;
    }

    /**
     * The operation's cases with their parameters typed as their files write them (which
     * {@link SandboxCase} flattens to text), read again from the class path on the operation's
     * first call: API Particulier's matching tells {@code 1} from {@code '01'} and an array from a text.
     */
    private List<ParticulierMatcher.TypedCase> typedCases(String operationId) {
        return typed.computeIfAbsent(operationId, id -> {
            List<SandboxCase> cases = cases(id);
            List<String> sources = loaded().sources().getOrDefault(id, List.of());
            List<ParticulierMatcher.TypedCase> result = new ArrayList<>(cases.size());
            for (int i = 0; i < cases.size(); i++) {
                result.add(new ParticulierMatcher.TypedCase(cases.get(i), typedParams(sources.get(i))));
            }
            return List.copyOf(result);
        });
    }

    private static Map<String, JsonNode> typedParams(String resource) {
        try (InputStream in = ClassPathFiles.open(resource)) {
            Map<String, JsonNode> params = new LinkedHashMap<>();
            YAML.readTree(in).path("params").fields().forEachRemaining(p -> params.put(p.getKey(), p.getValue()));
            return Map.copyOf(params);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox case " + resource, e);
        }
    }

    /**
     * The cases by operation, and where each was read ({@code root + file}), in the same order.
     */
    record Loaded(Map<String, List<SandboxCase>> byOperation, Map<String, List<String>> sources) {
    }

    static Loaded load(List<String> roots) {
        Map<String, List<SandboxCase>> result = new LinkedHashMap<>();
        Map<String, List<String>> sources = new LinkedHashMap<>();
        int count = 0;
        for (String given : roots) {
            String root = given.endsWith("/") ? given : given + "/";
            for (SandboxCase c : SandboxCases.load(root)) {
                result.computeIfAbsent(c.operationId(), k -> new ArrayList<>()).add(c);
                sources.computeIfAbsent(c.operationId(), k -> new ArrayList<>()).add(root + c.file());
                count++;
            }
        }
        LOG.infof("Loaded %d sandbox cases of %d operations from %s", count, result.size(), roots);
        result.replaceAll((k, v) -> List.copyOf(v));
        sources.replaceAll((k, v) -> List.copyOf(v));
        return new Loaded(Map.copyOf(result), Map.copyOf(sources));
    }
}
