package fr.guichet.registers.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.registers.config.DocumentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sandbox answers whose documents are real: the case is chosen as the kit does (its match, else
 * the operation's 404 case), and in a success every {@code url} / {@code document_url} naming a
 * sample file copied beside the case ({@code sandbox/<operation>/exemple-bilan-inpi.pdf}) is
 * replaced by the gateway's {@code /proxy/files/{uuid}} URL of a stored copy of that file, as a
 * production document would be. Each sample is stored once per call, whatever the number of
 * links to it. Other URLs (INPI's public site in the extrait RNE) are left as they are.
 */
@ApplicationScoped
public class SandboxDocuments {

    static final String ROOT = "sandbox/";

    private final SandboxEngine engine;
    private final DocumentStore documents;
    private final DocumentsConfig config;
    private final ObjectMapper json;
    private final Map<String, Optional<byte[]>> samples = new ConcurrentHashMap<>();

    public SandboxDocuments(SandboxEngine engine, DocumentStore documents, DocumentsConfig config, ObjectMapper json) {
        this.engine = engine;
        this.documents = documents;
        this.config = config;
        this.json = json;
    }

    /** The sandbox answer of {@code call}, its sample documents stored. */
    public ProviderAnswer answer(OperationCall call) {
        Optional<SandboxCase> match = engine.find(call.operationId(), call.selectingParameters());
        if (match.isEmpty()) {
            return engine.notFoundCase(call.operationId())
                    .map(c -> ProviderAnswer.json(404, c.payload()))
                    .orElseThrow(() -> ProviderErrors.notFound(call.declaration().errorPrefix(), call.declaration().providerName()));
        }
        SandboxCase found = match.get();
        if (found.status() != 200) {
            return ProviderAnswer.json(found.status(), found.payload());
        }
        JsonNode body = read(found.payload());
        replaceLinks(body, call.operationId(), new HashMap<>());
        return ProviderAnswer.json(200, body.toString());
    }

    private void replaceLinks(JsonNode node, String operationId, Map<String, String> stored) {
        if (node instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode value = object.get(field);
                if (value.isTextual() && (field.equals("url") || field.equals("document_url"))) {
                    sampleName(value.asText()).flatMap(name -> sample(operationId, name).map(bytes -> stored
                            .computeIfAbsent(name, n -> documents.store(bytes, config.ttl()).url())))
                            .ifPresent(url -> object.put(field, url));
                } else {
                    replaceLinks(value, operationId, stored);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> replaceLinks(item, operationId, stored));
        }
    }

    /** The last path segment of an http(s) URL. */
    static Optional<String> sampleName(String url) {
        try {
            URI uri = URI.create(url);
            String path = uri.getPath();
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || path == null || path.endsWith("/")) {
                return Optional.empty();
            }
            return Optional.of(path.substring(path.lastIndexOf('/') + 1)).filter(n -> !n.isEmpty());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<byte[]> sample(String operationId, String name) {
        return samples.computeIfAbsent(operationId + "/" + name, key -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ROOT + key)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable sandbox sample " + key, e);
            }
        });
    }

    private JsonNode read(String payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox payload", e);
        }
    }
}
