package fr.guichet.gateway.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.common.resource.ClassPathFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The official API Particulier OpenAPI ({@value #RESOURCE}), read once: each operation, found by
 * its {@code x-operationId} (written on its 200 response), with its path and its query parameters.
 * The gateway takes the parameters of a Particulier route from here rather than from the
 * declarations, so that what is checked is what the contract publishes.
 */
public final class ParticulierContract {

    public static final String RESOURCE = "guichet/reference/openapi-particulier.yaml";
    private static volatile ParticulierContract standard;

    private final JsonNode document;
    private final Map<String, Operation> byId;

    /**
     * One operation of the contract.
     *
     * @param path     its path ({@code /v3/dss/quotient_familial/identite})
     * @param method   its HTTP method in lower case ({@code get})
     * @param node     its operation object, as published
     */
    public record Operation(String path, String method, JsonNode node) {
    }

    private ParticulierContract(JsonNode document) {
        this.document = document;
        Map<String, Operation> operations = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            String id = m.getValue().path("responses").path("200").path("x-operationId").asText(null);
            if (id == null) {
                id = m.getValue().path("x-operationId").asText(null);
            }
            if (id != null) {
                operations.put(id, new Operation(p.getKey(), m.getKey(), m.getValue()));
            }
        }));
        this.byId = Collections.unmodifiableMap(operations);
    }

    /** The contract shipped in {@code common}, loaded once. */
    public static ParticulierContract standard() {
        ParticulierContract c = standard;
        if (c == null) {
            synchronized (ParticulierContract.class) {
                c = standard;
                if (c == null) {
                    try (InputStream in = ClassPathFiles.open(RESOURCE)) {
                        c = new ParticulierContract(new ObjectMapper(new YAMLFactory()).readTree(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Unreadable " + RESOURCE, e);
                    }
                    standard = c;
                }
            }
        }
        return c;
    }

    /** The whole document (components included), read-only by convention. */
    public JsonNode document() {
        return document;
    }

    /** The operation published under {@code x-operationId}, if any. */
    public Optional<Operation> operation(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    /**
     * The query parameters of the operation {@code operationId} (else {@code documentedId}).
     *
     * @throws IllegalStateException when the contract publishes neither id: a declared Particulier
     *                               operation must be in the contract (start-up failure)
     */
    public List<Route.QueryParameter> parameters(String operationId, String documentedId) {
        Operation op = operation(operationId).or(() -> operation(documentedId)).orElseThrow(() ->
                new IllegalStateException("Operation " + operationId + " is not in " + RESOURCE));
        List<Route.QueryParameter> parameters = new ArrayList<>();
        for (JsonNode p : op.node().path("parameters")) {
            JsonNode resolved = resolve(p);
            if ("query".equals(resolved.path("in").asText())) {
                parameters.add(new Route.QueryParameter(resolved.path("name").asText(),
                        resolved.path("required").asBoolean(false),
                        "array".equals(resolved.path("schema").path("type").asText())));
            }
        }
        return List.copyOf(parameters);
    }

    /** A {@code $ref} to {@code #/components/...} followed once; anything else as is. */
    public JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/")) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }
}
