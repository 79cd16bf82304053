package fr.guichet.common.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.resource.ClassPathFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every operation Guichet serves, declared once as data under {@code guichet/operations/}
 * ({@code index.txt} lists one file per provider, e.g. {@code insee.yml}). The gateway builds its
 * route catalogue from it; each provider binds its handlers to the same ids and resolves a path
 * with the same templates. File format (see {@code docs/adding-a-provider.md}):
 *
 * <pre>
 * provider: insee                      # provider key
 * api: entreprise                      # or particulier; default entreprise (an operation may override it)
 * error_prefix: INSEE                  # default prefix of its operations (ProviderPrefix name)
 * provider_name: INSEE                 # default meta.provider of its errors
 * openapi: {tag: INSEE Sirene, responses: {"200": ..., "404": ...}}   # the provider's /q/openapi
 * operations:
 *   - id: api_entreprise_v3_insee_unites_legales
 *     authorization: api_entreprise/v3_and_more/insee/unites_legales
 *     identifier: siren
 *     summary: Données unité légale
 *     paths: {v3: /v3/insee/sirene/unites_legales/{siren}, v4: /v4/insee/sirene/unites_legales/{siren}}
 *     openapi_ids: {v3: uniteLegaleV3, v4: uniteLegaleV4}   # optional
 *     api: particulier                 # optional, overrides the file's
 *     france_connect: true             # optional: the Bearer is an end user's FranceConnect token
 *     masks: {/data/quotient_familial: [cnaf_quotient_familial]}   # optional: JSON pointer -> scopes
 * removed: [...]                       # retired paths: 410 at the gateway
 * extra_throttle_groups: {name: {limit: 500, period: 60}}
 * </pre>
 *
 * A v4- or v5-only operation declares its own id and its one path ({@code paths: {v4: ...}}):
 * the id of a version other than v3 is the id with {@code _v3_} replaced, so an id without
 * {@code _v3_} is kept as is.
 *
 * <p>An unreadable or inconsistent declaration (unknown prefix or api, no path, an id declared
 * twice in one root, a mask that is not a JSON pointer) fails with {@link IllegalStateException}
 * when loaded, i.e. at start-up.
 */
public final class OperationDeclarations {

    public static final String ROOT = "guichet/operations/";

    private static volatile OperationDeclarations standard;

    private final List<OperationDeclaration> operations;
    private final List<PathTemplate> removed;
    private final Map<String, ThrottleGroup> extraThrottleGroups;
    private final Map<String, Documentation> documentation;
    private final List<Candidate> byPath;

    /**
     * What a provider's own OpenAPI document says of all its operations.
     *
     * @param tag       the tag of its operations
     * @param responses description per HTTP status ({@code "200"}, {@code "404"}...), in order
     */
    public record Documentation(String tag, Map<String, String> responses) {
    }

    /** A throttle group that {@code throttle.yml} does not know: {@code limit} calls per {@code periodSeconds}. */
    public record ThrottleGroup(String name, int limit, int periodSeconds) {
    }

    /** A path resolved to one version of an operation, with its path variables. */
    public record Resolved(OperationDeclaration declaration, OperationDeclaration.VersionedPath path,
                           Map<String, String> variables) {
        public String operationId() {
            return path.operationId();
        }
    }

    private record Candidate(OperationDeclaration declaration, OperationDeclaration.VersionedPath path) {
    }

    private OperationDeclarations(List<OperationDeclaration> operations, List<PathTemplate> removed,
                                  Map<String, ThrottleGroup> extraThrottleGroups, Map<String, Documentation> documentation) {
        this.operations = List.copyOf(operations);
        this.removed = List.copyOf(removed);
        this.extraThrottleGroups = Map.copyOf(extraThrottleGroups);
        this.documentation = Map.copyOf(documentation);
        List<Candidate> candidates = new ArrayList<>();
        Map<String, OperationDeclaration> seen = new LinkedHashMap<>();
        for (OperationDeclaration d : operations) {
            for (OperationDeclaration.VersionedPath p : d.paths()) {
                if (seen.put(p.operationId(), d) != null) {
                    throw new IllegalStateException("Operation " + p.operationId() + " declared twice");
                }
                candidates.add(new Candidate(d, p));
            }
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.path().template().literalSegments()).reversed());
        this.byPath = List.copyOf(candidates);
    }

    /** The declarations shipped in this jar, loaded once. */
    public static OperationDeclarations standard() {
        OperationDeclarations d = standard;
        if (d == null) {
            synchronized (OperationDeclarations.class) {
                d = standard;
                if (d == null) {
                    d = load(ROOT);
                    standard = d;
                }
            }
        }
        return d;
    }

    /** Reads {@code root + "index.txt"} and the files it lists; {@code root} ends with '/'. */
    public static OperationDeclarations load(String root) {
        return load(List.of(root));
    }

    /**
     * Reads several roots in order, each as {@link #load(String)}. An operation of a later root
     * whose id an earlier root declares replaces it (an overlay: e.g. a test's declarations over
     * the shipped ones); within one root an id declared twice is an error.
     */
    public static OperationDeclarations load(List<String> roots) {
        Map<String, OperationDeclaration> merged = new LinkedHashMap<>();
        List<PathTemplate> removed = new ArrayList<>();
        Map<String, ThrottleGroup> groups = new LinkedHashMap<>();
        Map<String, Documentation> documentation = new LinkedHashMap<>();
        for (String root : roots) {
            List<OperationDeclaration> operations = new ArrayList<>();
            loadRoot(root, operations, removed, groups, documentation);
            Set<String> ids = new HashSet<>();
            for (OperationDeclaration d : operations) {
                if (!ids.add(d.id())) {
                    throw new IllegalStateException("Operation " + d.id() + " declared twice in " + root);
                }
                merged.remove(d.id());
                merged.put(d.id(), d);
            }
        }
        return new OperationDeclarations(new ArrayList<>(merged.values()), removed, groups, documentation);
    }

    private static void loadRoot(String root, List<OperationDeclaration> operations, List<PathTemplate> removed,
                                 Map<String, ThrottleGroup> groups, Map<String, Documentation> documentation) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String file : ClassPathFiles.index(root)) {
            JsonNode node;
            try (InputStream in = ClassPathFiles.open(root + file)) {
                node = yaml.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable operation declarations " + root + file, e);
            }
            String provider = node.path("provider").asText(null);
            if (provider == null) {
                throw new IllegalStateException(root + file + ": no provider");
            }
            String defaultPrefix = node.path("error_prefix").asText(null);
            String defaultName = node.path("provider_name").asText(defaultPrefix);
            String defaultApi = node.path("api").asText(OperationDeclaration.ENTREPRISE);
            for (JsonNode op : node.path("operations")) {
                operations.add(operation(root + file, provider, defaultPrefix, defaultName, defaultApi, op));
            }
            Map<String, String> responses = new LinkedHashMap<>();
            node.path("openapi").path("responses").fields().forEachRemaining(r -> responses.put(r.getKey(), r.getValue().asText()));
            documentation.put(provider, new Documentation(node.path("openapi").path("tag").asText(provider),
                    java.util.Collections.unmodifiableMap(responses)));
            node.path("removed").forEach(p -> removed.add(new PathTemplate(p.asText())));
            node.path("extra_throttle_groups").fields().forEachRemaining(g -> groups.put(g.getKey(),
                    new ThrottleGroup(g.getKey(), g.getValue().path("limit").asInt(), g.getValue().path("period").asInt())));
        }
    }

    private static OperationDeclaration operation(String file, String provider, String defaultPrefix, String defaultName,
                                                  String defaultApi, JsonNode op) {
        String id = op.path("id").asText(null);
        if (id == null) {
            throw new IllegalStateException(file + ": an operation without id");
        }
        String prefixName = op.path("error_prefix").asText(defaultPrefix);
        ProviderPrefix prefix;
        try {
            prefix = ProviderPrefix.valueOf(prefixName);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + ": operation " + id + " has no known error_prefix (" + prefixName + ")");
        }
        List<OperationDeclaration.VersionedPath> paths = new ArrayList<>();
        op.path("paths").fields().forEachRemaining(p -> {
            String version = p.getKey();
            String operationId = version.equals("v3") ? id
                    : op.hasNonNull(version + "_id") ? op.get(version + "_id").asText() : id.replace("_v3_", "_" + version + "_");
            paths.add(new OperationDeclaration.VersionedPath(version, operationId, new PathTemplate(p.getValue().asText()),
                    op.path("openapi_ids").path(version).asText(operationId)));
        });
        if (paths.isEmpty()) {
            throw new IllegalStateException(file + ": operation " + id + " has no path");
        }
        String api = op.path("api").asText(defaultApi);
        if (!api.equals(OperationDeclaration.ENTREPRISE) && !api.equals(OperationDeclaration.PARTICULIER)) {
            throw new IllegalStateException(file + ": operation " + id + " has an unknown api (" + api + ")");
        }
        return new OperationDeclaration(id, provider, prefix, op.path("provider_name").asText(defaultName),
                op.path("summary").asText(null), op.path("authorization").asText(null),
                op.path("scope_template").asText(null), op.path("throttle").asText(null),
                op.path("identifier").asText(null), op.path("document").asBoolean(false),
                op.path("client_certificate").asBoolean(false), List.copyOf(paths), api,
                op.path("france_connect").asBoolean(false), masks(file, id, op.path("masks")),
                period(file, id, op.path("period")));
    }

    /** {@code period}: absent for an operation without period ({@link OperationPeriod}). */
    private static OperationPeriod period(String file, String id, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return OperationPeriod.of(file + ": operation " + id, node.path("kind").asText(null),
                node.path("parameter").asText(null), node.path("year_parameter").asText(null),
                node.path("start").asText(null), node.path("end").asText(null));
    }

    /** {@code masks}: JSON pointer (starting with '/') → non-empty list of scopes, in declaration order. */
    private static Map<String, List<String>> masks(String file, String id, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalStateException(file + ": operation " + id + ": masks must map JSON pointers to scopes");
        }
        Map<String, List<String>> masks = new LinkedHashMap<>();
        node.fields().forEachRemaining(m -> {
            List<String> scopes = new ArrayList<>();
            if (m.getValue().isArray()) {
                m.getValue().forEach(s -> scopes.add(s.asText()));
            } else if (m.getValue().isTextual()) {
                scopes.add(m.getValue().asText());
            }
            if (!m.getKey().startsWith("/") || scopes.isEmpty()) {
                throw new IllegalStateException(file + ": operation " + id + ": mask " + m.getKey()
                        + " must be a JSON pointer with at least one scope");
            }
            masks.put(m.getKey(), List.copyOf(scopes));
        });
        return java.util.Collections.unmodifiableMap(masks);
    }

    public List<OperationDeclaration> all() {
        return operations;
    }

    /** The declarations of one provider, by provider key ({@code insee}). */
    public OperationDeclarations forProvider(String provider) {
        return new OperationDeclarations(operations.stream().filter(o -> o.provider().equals(provider)).toList(),
                List.of(), Map.of(), documentation.containsKey(provider) ? Map.of(provider, documentation.get(provider)) : Map.of());
    }

    /** What {@code provider}'s OpenAPI document says of all its operations (tag = the key when not declared). */
    public Documentation documentation(String provider) {
        return documentation.getOrDefault(provider, new Documentation(provider, Map.of()));
    }

    /** The operation version a path belongs to; literal segments win over variables. */
    public Optional<Resolved> resolve(String path) {
        for (Candidate c : byPath) {
            Optional<Map<String, String>> variables = c.path().template().match(path);
            if (variables.isPresent()) {
                return Optional.of(new Resolved(c.declaration(), c.path(), variables.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * The operation version named {@code operationId}, with the variables of {@code path} read
     * from its template (empty variables when the path does not fit it).
     */
    public Optional<Resolved> resolve(String operationId, String path) {
        for (Candidate c : byPath) {
            if (c.path().operationId().equals(operationId)) {
                return Optional.of(new Resolved(c.declaration(), c.path(), c.path().template().match(path).orElse(Map.of())));
            }
        }
        return Optional.empty();
    }

    /** Retired paths (410 at the gateway). */
    public List<PathTemplate> removed() {
        return removed;
    }

    public Map<String, ThrottleGroup> extraThrottleGroups() {
        return extraThrottleGroups;
    }
}
