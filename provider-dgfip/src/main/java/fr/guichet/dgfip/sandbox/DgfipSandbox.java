package fr.guichet.dgfip.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.dgfip.config.DgfipConfig;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.providerkit.sandbox.SandboxMisses;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DGFIP's sandbox answers, from the kit's cases ({@code guichet.provider.sandbox-roots}) matched
 * by the kit's rule; a call no case answers is 404 03003, as the staging answers unknown
 * identifiers, pointing to the published catalogue ({@link SandboxMisses}). Document cases point to a real document: the sample attestation is stored like a
 * production one and {@code document_url} and its expiry are those of the stored copy, so the
 * gateway's {@code /proxy/files/{uuid}} serves it.
 */
@ApplicationScoped
public class DgfipSandbox {

    static final String SAMPLE_PDF = "sandbox/attestation-fiscale-exemple.pdf";

    private final SandboxEngine engine;
    private final SandboxMisses misses;
    private final DocumentStore documents;
    private final DgfipConfig config;
    private final ObjectMapper json;
    private final byte[] samplePdf;

    public DgfipSandbox(SandboxEngine engine, SandboxMisses misses, DocumentStore documents, DgfipConfig config,
                        ObjectMapper json) {
        this.engine = engine;
        this.misses = misses;
        this.documents = documents;
        this.config = config;
        this.json = json;
        this.samplePdf = SandboxCases.bytes(SAMPLE_PDF);
    }

    /** The case answering this call's parameters, or 404 03003. */
    public ProviderAnswer answer(OperationCall call) {
        SandboxCase fixture = engine.find(call.operationId(), call.selectingParameters())
                .orElseThrow(() -> misses.hinted(DgfipErrors.notFound(DgfipErrors.ADELIE)));
        ObjectNode body = read(fixture.payload());
        if (fixture.status() == 200 && body.path("data").has("document_url")) {
            ObjectNode data = (ObjectNode) body.get("data");
            DocumentStore.StoredDocument stored = documents.store(samplePdf, config.documents().ttl());
            data.put("document_url", stored.url());
            String expiryField = data.has("document_url_expires_in") ? "document_url_expires_in" : "expires_in";
            data.put(expiryField, stored.expiresIn());
        }
        return ProviderAnswer.json(fixture.status(), body.toString());
    }

    private ObjectNode read(String payload) {
        try {
            return (ObjectNode) json.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sandbox payload", e);
        }
    }
}
