package fr.guichet.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import fr.guichet.gateway.sandbox.SandboxExamples;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The public API description at {@code /openapi}: the official API Entreprise OpenAPI reduced
 * to the paths this gateway serves, plus Guichet's own extensions and platform routes
 * ({@code guichet/gateway/openapi-guichet.yaml}: ENSU documents, pings, file downloads).
 */
@ApplicationScoped
public class OpenApiDocument {

    public static final String OFFICIAL = "guichet/reference/openapi-entreprise.yaml";
    public static final String EXTENSIONS = "guichet/gateway/openapi-guichet.yaml";

    private final RouteCatalogue catalogue;
    private volatile ObjectNode document;

    public OpenApiDocument(RouteCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public String json() {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String yaml() {
        try {
            return new ObjectMapper(new YAMLFactory()).writeValueAsString(document());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Built on first use: parsing the official YAML takes a moment and most replicas never need it. */
    public ObjectNode document() {
        ObjectNode d = document;
        if (d == null) {
            synchronized (this) {
                d = document;
                if (d == null) {
                    d = build();
                    document = d;
                }
            }
        }
        return d;
    }

    private ObjectNode build() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectNode official = (ObjectNode) read(yaml, OFFICIAL);
        JsonNode extensions = read(yaml, EXTENSIONS);
        Set<String> served = catalogue.routes().stream().map(Route::template).collect(Collectors.toSet());
        served.add("/privileges");
        ObjectNode paths = (ObjectNode) official.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            if (!served.contains(it.next().getKey())) {
                it.remove();
            }
        }
        extensions.path("paths").fields().forEachRemaining(e -> paths.set(e.getKey(), e.getValue()));
        JsonNode extraSchemas = extensions.path("components").path("schemas");
        if (extraSchemas.isObject()) {
            ((ObjectNode) official.with("components").with("schemas")).setAll((ObjectNode) extraSchemas);
        }
        ObjectNode info = official.with("info");
        info.put("title", "Guichet — API Entreprise");
        info.put("description", extensions.path("info").path("description").asText(info.path("description").asText()));
        official.remove("servers");
        SandboxExamples.apply(official);
        return official;
    }

    private static JsonNode read(ObjectMapper yaml, String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return yaml.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
