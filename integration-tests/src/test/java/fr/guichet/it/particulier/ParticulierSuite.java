package fr.guichet.it.particulier;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.GuichetStack.IssuedToken;
import fr.guichet.testing.Service;
import fr.guichet.testing.ServiceCatalog;
import fr.guichet.testing.particulier.ParticulierSandbox;
import fr.guichet.testing.sandbox.SandboxCatalogueGenerator;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the API Particulier integration tests share: the Particulier operations declared for the
 * providers of {@code services.yml} with their sandbox cases, the scopes that open them, tokens of
 * Particulier habilitations, the sandbox FranceConnect client bound to one, and the call as a
 * partner makes it (recipient only, {@code prenoms[]} repeated, the FranceConnect token as Bearer).
 */
public final class ParticulierSuite {

    /** The demo organisation's SIRET, the recipient of every call. */
    public static final String RECIPIENT = "13002526500013";
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Below the group limit (20 a second), so that a walk never meets its own quota. */
    static final long PACE_MILLIS = 60;

    private ParticulierSuite() {
    }

    /**
     * One Particulier operation of a provider module, with its sandbox cases as that module ships them.
     *
     * @param resources the module's {@code src/main/resources}, the folder the cases' files are relative to
     */
    record Operation(OperationDeclaration declaration, OperationDeclaration.VersionedPath path, String module,
                     Path resources, List<SandboxCase> cases) {

        String id() {
            return path.operationId();
        }

        boolean franceConnect() {
            return ParticulierSandbox.isFranceConnect(id());
        }

        /** Every parameter some case of the operation names (what the sandbox looks at). */
        Set<String> named() {
            Set<String> named = new TreeSet<>();
            cases.forEach(c -> named.addAll(c.values().keySet()));
            return named;
        }
    }

    /** Every declared API Particulier operation of the providers of services.yml, one entry per path. */
    static List<Operation> operations() {
        Path root = ServiceCatalog.repositoryRoot();
        OperationDeclarations declarations = OperationDeclarations.standard();
        List<Operation> operations = new ArrayList<>();
        for (ServiceCatalog.Descriptor adapter : ServiceCatalog.repository().providers()) {
            Map<String, List<SandboxCase>> byOperation = null;
            for (OperationDeclaration d : declarations.forProvider(adapter.provider()).all()) {
                for (OperationDeclaration.VersionedPath p : d.paths()) {
                    if (!ParticulierSandbox.isParticulier(p.operationId())) {
                        continue;
                    }
                    if (byOperation == null) {
                        byOperation = SandboxCatalogueGenerator.sandboxCases(root, adapter.module());
                    }
                    operations.add(new Operation(d, p, adapter.module(), root.resolve(adapter.module()).resolve("src/main/resources"),
                            byOperation.getOrDefault(p.operationId(), List.of())));
                }
            }
        }
        return operations;
    }

    /** Whether this checkout serves API Particulier at all (its declarations and providers). */
    static boolean particulierServed() {
        return !operations().isEmpty();
    }

    /** The scopes that open an operation: {@code authorizations.yml} under its declaration's key. */
    static List<String> scopes(OperationDeclaration d) {
        try (InputStream in = ParticulierSuite.class.getClassLoader().getResourceAsStream("guichet/reference/authorizations.yml")) {
            JsonNode found = YAML.readTree(in).findValue(d.authorization());
            if (found == null || found.isEmpty()) {
                throw new IllegalStateException("No scope for " + d.id() + " (" + d.authorization() + ")");
            }
            List<String> scopes = new ArrayList<>();
            found.forEach(s -> scopes.add(s.asText()));
            return scopes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every scope of every Particulier operation served. */
    static List<String> allScopes(List<Operation> operations) {
        Set<String> scopes = new LinkedHashSet<>();
        operations.forEach(o -> scopes.addAll(scopes(o.declaration())));
        return List.copyOf(scopes);
    }

    /** Every scope of every Particulier operation of the providers of services.yml. */
    public static List<String> servedScopes() {
        return allScopes(operations());
    }

    /**
     * A Particulier habilitation's token with these scopes; its own quota high, so that only the
     * throttle group's (20 a second) applies.
     */
    public static IssuedToken particulierToken(GuichetStack stack, List<String> scopes) {
        return stack.issueToken(scopes, Map.of("api_kind", "particulier", "rate_limit_per_minute", 100_000));
    }

    /** Per stack, the habilitation the sandbox FranceConnect client is bound to (one client, one habilitation). */
    private static final Map<GuichetStack, IssuedToken> FRANCE_CONNECT_HABILITATIONS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The Particulier habilitation holding every scope of every Particulier operation served, bound
     * to the sandbox FranceConnect client: the habilitation the fictitious FranceConnect tokens'
     * calls count against. Bound once per stack, since token-service binds a client to one
     * habilitation only (409 {@code 00015} for a second) and the classes sharing a stack all use it.
     */
    public static IssuedToken franceConnectHabilitation(GuichetStack stack) {
        return FRANCE_CONNECT_HABILITATIONS.computeIfAbsent(stack, s -> bindFranceConnectClient(s, servedScopes()));
    }

    private static IssuedToken bindFranceConnectClient(GuichetStack stack, List<String> scopes) {
        IssuedToken token = particulierToken(stack, scopes);
        Response r = given().baseUri(stack.url(Service.TOKEN))
                .header("Authorization", "Bearer " + stack.adminToken())
                .contentType("application/json")
                .body(Map.of("client_id", ParticulierSandbox.FRANCE_CONNECT_CLIENT_ID))
                .put("/admin/habilitations/" + token.habilitationId() + "/franceconnect_client");
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("Binding the sandbox FranceConnect client answered " + r.statusCode() + ": " + r.asString());
        }
        return token;
    }

    /** A call through the gateway with this Bearer (a Guichet token or a FranceConnect one) and the recipient. */
    static RequestSpecification partner(GuichetStack stack, String bearer) {
        return given().baseUri(stack.url(Service.GATEWAY)).urlEncodingEnabled(true)
                .queryParam("recipient", RECIPIENT)
                .header("Authorization", "Bearer " + bearer);
    }

    /** The call of a case as a partner makes it: its query by wire name, each value of a list sent once. */
    static Response call(GuichetStack stack, String bearer, Operation o, SandboxCase c) {
        RequestSpecification spec = partner(stack, bearer);
        ParticulierSandbox.query(o.id(), c).forEach((name, values) -> spec.queryParam(name, values));
        return spec.get(o.path().template().template());
    }

    /** Waits so that calls keep under the throttle group's 20 a second. */
    static void pace() {
        try {
            Thread.sleep(PACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
