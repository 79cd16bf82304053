package fr.guichet.token.scope;

import fr.guichet.token.habilitation.ApiKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/**
 * Scopes that the operation catalogue knows, per API kind, from
 * {@code guichet/reference/authorizations.yml} (shipped by common): the {@code shared} section
 * maps each operation ({@code api_entreprise/...}, {@code api_particulier/...}) to the scopes
 * that open it. API Particulier takes only its {@value #PARTICULIER_PREFIX} operations, the ones
 * Guichet serves: the v2-only scopes of the reference (MESRI's {@code mesri_admission}...) open
 * nothing here. Guichet's own operations (ENSU DOCUMENTS...) are not in that reference file:
 * they come from {@code guichet/token/scopes-extension.yml}, api kind, then operation id, then
 * scopes.
 */
@ApplicationScoped
public class ScopeCatalogue {

    static final String RESOURCE = "guichet/reference/authorizations.yml";
    static final String EXTENSION = "guichet/token/scopes-extension.yml";
    static final String ENTREPRISE_PREFIX = "api_entreprise/";
    static final String PARTICULIER_PREFIX = "api_particulier/v3_and_more/";

    private final Map<ApiKind, Set<String>> scopes = load();

    public boolean knows(ApiKind kind, String scope) {
        return scopes.getOrDefault(kind, Set.of()).contains(scope);
    }

    public Set<String> scopes(ApiKind kind) {
        return Collections.unmodifiableSet(scopes.getOrDefault(kind, Set.of()));
    }

    private static Map<ApiKind, Set<String>> load() {
        Map<ApiKind, Set<String>> result = new EnumMap<>(ApiKind.class);
        for (ApiKind kind : ApiKind.values()) {
            result.put(kind, new TreeSet<>());
        }
        Map<String, Object> shared = section(read(RESOURCE), "shared", RESOURCE);
        for (Map.Entry<String, Object> operation : shared.entrySet()) {
            ApiKind kind = operation.getKey().startsWith(ENTREPRISE_PREFIX) ? ApiKind.ENTREPRISE
                    : operation.getKey().startsWith(PARTICULIER_PREFIX) ? ApiKind.PARTICULIER : null;
            if (kind != null) {
                addScopes(result.get(kind), operation.getValue());
            }
        }
        Map<String, Object> extension = read(EXTENSION);
        for (String key : extension.keySet()) {
            ApiKind kind = ApiKind.fromWire(key).orElseThrow(
                    () -> new IllegalStateException("Unknown api kind « " + key + " » in " + EXTENSION));
            for (Object scopes : section(extension, key, EXTENSION).values()) {
                addScopes(result.get(kind), scopes);
            }
        }
        return result;
    }

    private static void addScopes(Set<String> into, Object scopes) {
        if (scopes instanceof List<?> list) {
            list.forEach(s -> into.add(String.valueOf(s)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> root, String key, String resource) {
        if (!(root.get(key) instanceof Map<?, ?> section)) {
            throw new IllegalStateException("No « " + key + " » mapping in " + resource);
        }
        return (Map<String, Object>) section;
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = ScopeCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " on the class path");
            }
            Map<String, Object> root = new Yaml().load(in);
            return root == null ? Map.of() : root;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }
}
