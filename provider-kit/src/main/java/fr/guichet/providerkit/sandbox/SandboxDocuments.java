package fr.guichet.providerkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.resource.ClassPathFiles;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.providerkit.config.KitConfig;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sandbox documents without code: a 200 case of a {@code document: true} operation whose
 * {@code data.document_url} names a file copied beside the case ({@code OPERATION/sample.pdf} under
 * a sandbox root, as API Entreprise's cases ship them) is answered with that file stored like a
 * production document ({@link DocumentStore}: the gateway's {@code /proxy/files/{uuid}} serves it)
 * and {@code document_url} and its expiry ({@code expires_in} or {@code document_url_expires_in})
 * those of the stored copy. The rest of the body is the case's. A case whose file was not copied
 * is answered verbatim.
 *
 * <p>The stored copy lives as long as the case's expiry, at most {@link #MAX_TTL}: a sandbox call
 * must not keep a file in Redis for the three months of a real pension attestation.
 */
@Singleton
public class SandboxDocuments {

    /** Longest life of a stored sandbox document. */
    static final Duration MAX_TTL = Duration.ofDays(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] EXPIRY_FIELDS = {"document_url_expires_in", "expires_in"};

    private final DocumentStore documents;
    private final KitConfig config;
    private final Map<String, Optional<byte[]>> samples = new ConcurrentHashMap<>();

    public SandboxDocuments(DocumentStore documents, KitConfig config) {
        this.documents = documents;
        this.config = config;
    }

    /** The case's answer, its sample document stored when it has one (else verbatim). */
    public ProviderAnswer answer(OperationDeclaration declaration, SandboxCase fixture) {
        if (!declaration.document() || fixture.status() != 200) {
            return ProviderAnswer.json(fixture.status(), fixture.payload());
        }
        ObjectNode body = read(fixture.payload());
        Optional<String> name = sampleName(body);
        Optional<byte[]> sample = name.flatMap(n -> samples.computeIfAbsent(fixture.operationId() + "/" + n, this::find));
        if (sample.isEmpty()) {
            return ProviderAnswer.json(fixture.status(), fixture.payload());
        }
        DocumentStore.StoredDocument stored = documents.store(sample.get(), ttl(body));
        return ProviderAnswer.json(200, rewrite(body, stored.url(), stored.expiresIn()).toString());
    }

    /** The file name ending {@code data.document_url}, if the case has one. */
    static Optional<String> sampleName(JsonNode body) {
        String url = body.path("data").path("document_url").asText("");
        String name = url.substring(url.lastIndexOf('/') + 1);
        return name.isBlank() || name.contains("?") ? Optional.empty() : Optional.of(name);
    }

    /** The case's expiry, at most {@link #MAX_TTL}; {@code MAX_TTL} when the case gives none. */
    static Duration ttl(JsonNode body) {
        for (String field : EXPIRY_FIELDS) {
            long seconds = body.path("data").path(field).asLong(0);
            if (seconds > 0) {
                return Duration.ofSeconds(Math.min(seconds, MAX_TTL.toSeconds()));
            }
        }
        return MAX_TTL;
    }

    /** The body with the stored copy's URL and expiry. */
    static ObjectNode rewrite(ObjectNode body, String url, long expiresIn) {
        ObjectNode copy = body.deepCopy();
        ObjectNode data = (ObjectNode) copy.get("data");
        data.put("document_url", url);
        String expiry = data.has("document_url_expires_in") ? "document_url_expires_in" : "expires_in";
        data.put(expiry, expiresIn);
        return copy;
    }

    /** The sample in the operation's folder of a sandbox root, the last root first (as cases). */
    private Optional<byte[]> find(String relativePath) {
        var roots = config.sandboxRoots();
        for (int i = roots.size() - 1; i >= 0; i--) {
            String root = roots.get(i).endsWith("/") ? roots.get(i) : roots.get(i) + "/";
            if (exists(root + relativePath)) {
                return Optional.of(SandboxCases.bytes(root + relativePath));
            }
        }
        return Optional.empty();
    }

    private static boolean exists(String path) {
        try (InputStream in = ClassPathFiles.open(path)) {
            return in != null;
        } catch (IllegalStateException missing) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(String payload) {
        try {
            return (ObjectNode) JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox payload", e);
        }
    }
}
