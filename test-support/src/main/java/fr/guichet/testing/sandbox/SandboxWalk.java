package fr.guichet.testing.sandbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.sandbox.SandboxCase;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A provider module's walk of its sandbox cases, as its {@code SandboxModeTest} makes it: one
 * dynamic test per case of every path of every declared operation, the case asked the way the
 * gateway forwards a partner's call, and its answer checked against the case.
 *
 * <p>API Entreprise calls carry {@link #ENTREPRISE_PARAMS}, path variables in the path and the
 * case's other parameters in the query; API Particulier calls carry the recipient and the case's
 * parameters in the query, {@code prenoms} (openapi-particulier.yaml's one array parameter) as
 * {@code prenoms[]} repeated.
 */
public final class SandboxWalk {

    /** The recipient every call names (the demo organisation's SIRET); it never selects a case. */
    public static final String RECIPIENT = "13002526500013";
    /** The API Entreprise parameters every call carries; they never select a case. */
    public static final Map<String, String> ENTREPRISE_PARAMS = Map.of("context", "Test", "object", "Test",
            "recipient", RECIPIENT);

    private SandboxWalk() {
    }

    /** What a module checks of one case. */
    @FunctionalInterface
    public interface CaseCheck {
        void check(OperationDeclaration.VersionedPath path, SandboxCase c) throws Exception;
    }

    /** One dynamic test per case ({@code casesOf} an operation id), named after the case's file. */
    public static Stream<DynamicTest> everyCase(Collection<OperationDeclaration> operations,
                                                Function<String, List<SandboxCase>> casesOf, CaseCheck check) {
        return operations.stream().flatMap(d -> d.paths().stream()).flatMap(p -> casesOf.apply(p.operationId()).stream()
                .map(c -> DynamicTest.dynamicTest(c.file(), () -> check.check(p, c))));
    }

    /** The path an API Entreprise case is asked at: the template with the case's values. */
    public static String entreprisePath(OperationDeclaration.VersionedPath p, SandboxCase c) {
        return p.template().expand(c.params());
    }

    /** Asks an API Entreprise case: {@link #ENTREPRISE_PARAMS} and the case's non-path parameters in the query. */
    public static Response askEntreprise(OperationDeclaration.VersionedPath p, SandboxCase c) {
        Map<String, String> query = new LinkedHashMap<>(ENTREPRISE_PARAMS);
        c.params().forEach((k, v) -> {
            if (!p.template().variables().contains(k)) {
                query.put(k, v);
            }
        });
        return given().queryParams(query).get(entreprisePath(p, c));
    }

    /** Asks an API Particulier case at the path's template, its parameters in the query. */
    public static Response askParticulier(OperationDeclaration.VersionedPath p, SandboxCase c) {
        return particulierQuery(c.values()).get(p.template().template());
    }

    /** An API Particulier query: the recipient, then each parameter, {@code prenoms} as {@code prenoms[]} repeated. */
    public static RequestSpecification particulierQuery(Map<String, List<String>> values) {
        RequestSpecification request = given().queryParam("recipient", RECIPIENT);
        for (Map.Entry<String, List<String>> p : values.entrySet()) {
            String name = "prenoms".equals(p.getKey()) ? "prenoms[]" : p.getKey();
            request = request.queryParam(name, p.getValue());
        }
        return request;
    }

    /**
     * Asserts the answer has the case's status and a JSON content type, and returns its body.
     *
     * @throws AssertionError naming the case's file (and the body, for a wrong status)
     */
    public static String assertStatus(SandboxCase c, Response response) {
        String body = response.body().asString();
        assertEquals(c.status(), response.statusCode(), c.file() + " → " + body);
        assertTrue(response.contentType().startsWith("application/json"), c.file());
        return body;
    }
}
