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
 * that open it.
 */
@ApplicationScoped
public class ScopeCatalogue {

    static final String RESOURCE = "guichet/reference/authorizations.yml";

    private final Map<ApiKind, Set<String>> scopes = load();

    public boolean knows(ApiKind kind, String scope) {
        return scopes.getOrDefault(kind, Set.of()).contains(scope);
    }

    public Set<String> scopes(ApiKind kind) {
        return Collections.unmodifiableSet(scopes.getOrDefault(kind, Set.of()));
    }

    @SuppressWarnings("unchecked")
    private static Map<ApiKind, Set<String>> load() {
        try (InputStream in = ScopeCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + RESOURCE + " on the class path");
            }
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> shared = (Map<String, Object>) root.get("shared");
            Map<ApiKind, Set<String>> result = new EnumMap<>(ApiKind.class);
            for (ApiKind kind : ApiKind.values()) {
                result.put(kind, new TreeSet<>());
            }
            for (Map.Entry<String, Object> operation : shared.entrySet()) {
                ApiKind kind = operation.getKey().startsWith("api_entreprise/") ? ApiKind.ENTREPRISE
                        : operation.getKey().startsWith("api_particulier/") ? ApiKind.PARTICULIER : null;
                if (kind != null && operation.getValue() instanceof List<?> list) {
                    list.forEach(s -> result.get(kind).add(String.valueOf(s)));
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + RESOURCE, e);
        }
    }
}
