package fr.guichet.providerkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.providerkit.config.KitConfig;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sample documents of sandbox cases, served like production ones. API Entreprise's cases point
 * {@code document_url} (or another field of {@code guichet.provider.sandbox-document-fields}) at their
 * sample file in its repository ({@code …/mocks/payloads/<operation>/<file>});
 * when the provider ships that file beside its cases ({@code <sandbox root><operation>/<file>}),
 * the file is stored in the {@link DocumentStore} and the link becomes the gateway's
 * {@code /proxy/files/{uuid}} URL, with {@code document_url_expires_in} or {@code expires_in} beside
 * it set to the stored copy's lifetime ({@code guichet.provider.sandbox-document-ttl}). A URL naming
 * no shipped file, and every other field, stay as in the case.
 */
@Singleton
public class SandboxDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXPIRY_FIELDS = List.of("document_url_expires_in", "expires_in");

    private final DocumentStore store;
    private final KitConfig config;

    public SandboxDocuments(DocumentStore store, KitConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The case's payload with its shipped sample documents stored; the payload itself when it names none. */
    public String withStoredDocuments(String payload) {
        return rewrite(payload, config.sandboxDocumentFields(), this::shipped,
                content -> store.store(content, config.sandboxDocumentTtl()));
    }

    private Optional<byte[]> shipped(String relativePath) {
        for (String root : config.sandboxRoots()) {
            String path = (root.endsWith("/") ? root : root + "/") + relativePath;
            if (Thread.currentThread().getContextClassLoader().getResource(path) != null) {
                return Optional.of(SandboxCases.bytes(path));
            }
        }
        return Optional.empty();
    }

    /** {@link #rewrite(String, List, Function, Function)} of the {@code document_url} fields. */
    static String rewrite(String payload, Function<String, Optional<byte[]>> files, Function<byte[], StoredDocument> store) {
        return rewrite(payload, List.of("document_url"), files, store);
    }

    /**
     * Replaces every link field of {@code fields} (at any depth) whose last two path segments name
     * a shipped file ({@code files}: {@code <operation>/<file>} → its bytes) by the URL of the copy
     * {@code store} keeps, and the expiry field of the same object by its lifetime.
     */
    static String rewrite(String payload, List<String> fields, Function<String, Optional<byte[]>> files,
                          Function<byte[], StoredDocument> store) {
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox payload", e);
        }
        return replace(root, fields, files, store) ? root.toString() : payload;
    }

    private static boolean replace(JsonNode node, List<String> fields, Function<String, Optional<byte[]>> files,
                                   Function<byte[], StoredDocument> store) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (String field : fields) {
                if (!object.path(field).isTextual()) {
                    continue;
                }
                Optional<byte[]> content = sampleName(object.get(field).asText()).flatMap(files);
                if (content.isPresent()) {
                    StoredDocument stored = store.apply(content.get());
                    object.put(field, stored.url());
                    EXPIRY_FIELDS.stream().filter(object::has).findFirst().ifPresent(f -> object.put(f, stored.expiresIn()));
                    changed = true;
                }
            }
        }
        for (JsonNode child : node) {
            changed |= replace(child, fields, files, store);
        }
        return changed;
    }

    /** {@code <operation>/<file>} of a sample URL, or empty when it has fewer than two segments. */
    static Optional<String> sampleName(String url) {
        String path;
        try {
            path = URI.create(url).getPath();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (path == null) {
            return Optional.empty();
        }
        String[] segments = path.split("/");
        if (segments.length < 3 || segments[segments.length - 1].isEmpty() || segments[segments.length - 2].isEmpty()
                || segments[segments.length - 1].contains("..") || segments[segments.length - 2].contains("..")) {
            return Optional.empty();
        }
        return Optional.of(segments[segments.length - 2] + "/" + segments[segments.length - 1]);
    }
}
