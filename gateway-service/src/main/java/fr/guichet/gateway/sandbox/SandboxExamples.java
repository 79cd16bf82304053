package fr.guichet.gateway.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.sandbox.SandboxCatalogue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Puts in the served OpenAPI document, as the example of each operation's path and query
 * parameters, the identifiers of the operation's first successful sandbox case
 * ({@link SandboxCatalogue}): Swagger UI's "Try it out" then gets a 200 from the sandbox instead
 * of the official document's examples (real companies the sandbox does not know, hence 404s).
 * A version without cases of its own (a deprecated v3 route whose cases are published for v4)
 * takes the cases of its operation's newest version. The official {@code examples} of those
 * parameters are replaced, since OpenAPI forbids {@code example} beside {@code examples}.
 */
public final class SandboxExamples {

    private SandboxExamples() {
    }

    /** Rewrites, in place, the parameter examples of the document's paths that the catalogue covers. */
    public static void apply(ObjectNode document) {
        apply(document, SandboxCatalogue.load(), OperationDeclarations.standard());
    }

    static void apply(ObjectNode document, SandboxCatalogue catalogue, OperationDeclarations declarations) {
        Map<String, Map<String, String>> byTemplate = new HashMap<>();
        for (OperationDeclaration d : declarations.all()) {
            firstSuccess(d, catalogue).ifPresent(values -> d.paths()
                    .forEach(p -> byTemplate.put(p.template().template(), values)));
        }
        JsonNode parametersLibrary = document.path("components").path("parameters");
        document.path("paths").fields().forEachRemaining(path -> {
            Map<String, String> values = byTemplate.get(path.getKey());
            JsonNode get = path.getValue().path("get");
            if (values == null || !(get.path("parameters") instanceof ArrayNode parameters)) {
                return;
            }
            for (int i = 0; i < parameters.size(); i++) {
                JsonNode parameter = parameters.get(i);
                if (parameter.has("$ref")) {
                    // A shared parameter: copied here, so that the example stays this operation's.
                    String name = parameter.get("$ref").asText().replace("#/components/parameters/", "");
                    if (!(parametersLibrary.get(name) instanceof ObjectNode shared)) {
                        continue;
                    }
                    parameter = shared.deepCopy();
                }
                String value = values.get(parameter.path("name").asText());
                String in = parameter.path("in").asText();
                if (value != null && ("path".equals(in) || "query".equals(in)) && parameter instanceof ObjectNode p) {
                    p.remove("examples");
                    p.put("example", value);
                    parameters.set(i, p);
                }
            }
        });
    }

    /** The path and query values of the declaration's first 200 case in the catalogue, if any. */
    private static Optional<Map<String, String>> firstSuccess(OperationDeclaration d, SandboxCatalogue catalogue) {
        for (int i = d.paths().size() - 1; i >= 0; i--) {
            OperationDeclaration.VersionedPath p = d.paths().get(i);
            Optional<SandboxCatalogue.Entry> success = catalogue.operation(p.operationId())
                    .flatMap(o -> o.cases().stream().filter(c -> c.status() == 200).findFirst());
            if (success.isPresent()) {
                Map<String, String> values = new LinkedHashMap<>(success.get().query());
                values.putAll(p.template().match(success.get().path()).orElse(Map.of()));
                return Optional.of(values);
            }
        }
        return Optional.empty();
    }
}
