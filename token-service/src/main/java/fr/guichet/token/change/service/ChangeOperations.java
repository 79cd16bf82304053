package fr.guichet.token.change.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.token.habilitation.ApiKind;
import fr.guichet.token.habilitation.Habilitation;
import fr.guichet.token.scope.ScopeCatalogue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operations a change may name (declaration ids of common's {@code guichet/operations/*.yml}),
 * their API, and the scopes that open each, computed as the gateway does: the scopes of the
 * operation's {@code authorization} key in {@code authorizations.yml}, or, for an operation with a
 * {@code scope_template} ({@code ensu_documents_{famille}_dgfip}), every scope of the catalogue that
 * the template produces. A habilitation uses an operation when it is of the operation's API and
 * holds one of those scopes (an operation every token opens, with no scope, is used by all).
 */
@ApplicationScoped
public class ChangeOperations {

    static final String AUTHORIZATIONS = "guichet/reference/authorizations.yml";

    /**
     * One operation: its API, the scopes any one of which opens it (empty: every token), and its
     * gateway paths (one per API version).
     */
    public record Operation(String id, ApiKind api, Set<String> scopes, List<String> paths) {

        /** Whether {@code h} is of this operation's API and holds one of its scopes. */
        public boolean usedBy(Habilitation h) {
            if (!api.wire().equals(h.apiKind)) {
                return false;
            }
            return scopes.isEmpty() || h.scopes != null && h.scopes.stream().anyMatch(scopes::contains);
        }
    }

    private final Map<String, Operation> operations;

    @Inject
    public ChangeOperations(ScopeCatalogue catalogue) {
        this(OperationDeclarations.standard(), catalogue);
    }

    ChangeOperations(OperationDeclarations declarations, ScopeCatalogue catalogue) {
        JsonNode authorizations = readAuthorizations();
        Map<String, Operation> byId = new LinkedHashMap<>();
        for (OperationDeclaration d : declarations.all()) {
            ApiKind api = d.particulier() ? ApiKind.PARTICULIER : ApiKind.ENTREPRISE;
            Set<String> scopes = new LinkedHashSet<>();
            if (d.scopeTemplate() != null) {
                Pattern template = Pattern.compile(Pattern.quote(d.scopeTemplate())
                        .replaceAll("\\{[a-z_]+}", "\\\\E[a-z0-9_]+\\\\Q"));
                catalogue.scopes(api).stream().filter(s -> template.matcher(s).matches()).forEach(scopes::add);
            } else {
                authorizations.path(String.valueOf(d.authorization())).forEach(s -> scopes.add(s.asText()));
            }
            byId.put(d.id(), new Operation(d.id(), api, Set.copyOf(scopes),
                    d.paths().stream().map(p -> p.template().template()).toList()));
        }
        this.operations = Map.copyOf(byId);
    }

    /** Whether {@code id} is a declared operation. */
    public boolean knows(String id) {
        return operations.containsKey(id);
    }

    /** The declared operation {@code id}; {@link IllegalArgumentException} when unknown. */
    public Operation operation(String id) {
        Operation o = operations.get(id);
        if (o == null) {
            throw new IllegalArgumentException("Unknown operation " + id);
        }
        return o;
    }

    /** The named operations plus every operation of the named APIs, without repetition. */
    public List<Operation> affected(Collection<ApiKind> apis, Collection<String> operationIds) {
        Map<String, Operation> affected = new LinkedHashMap<>();
        operationIds.forEach(id -> affected.put(id, operation(id)));
        operations.values().stream().filter(o -> apis.contains(o.api())).forEach(o -> affected.putIfAbsent(o.id(), o));
        return List.copyOf(affected.values());
    }

    private static JsonNode readAuthorizations() {
        try (InputStream in = ChangeOperations.class.getClassLoader().getResourceAsStream(AUTHORIZATIONS)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + AUTHORIZATIONS + " on the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(in).path("shared");
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + AUTHORIZATIONS, e);
        }
    }
}
