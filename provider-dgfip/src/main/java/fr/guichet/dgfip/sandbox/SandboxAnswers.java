package fr.guichet.dgfip.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.sandbox.SandboxCases;
import fr.guichet.dgfip.document.DocumentStore;
import fr.guichet.dgfip.error.DgfipErrors;
import fr.guichet.dgfip.sandbox.SandboxFixtures.Fixture;
import fr.guichet.dgfip.support.Bodies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Sandbox answers: the fixture's status and body. Document fixtures point to a real document:
 * the sample attestation is stored like a production one and {@code document_url} and its expiry
 * are those of the stored copy, so the gateway's {@code /proxy/files/{uuid}} serves it.
 */
@ApplicationScoped
public class SandboxAnswers {

    static final String SAMPLE_PDF = "sandbox/attestation-fiscale-exemple.pdf";

    private final SandboxFixtures fixtures;
    private final DocumentStore documents;
    private final byte[] samplePdf;

    public SandboxAnswers(SandboxFixtures fixtures, DocumentStore documents) {
        this.fixtures = fixtures;
        this.documents = documents;
        this.samplePdf = SandboxCases.bytes(SAMPLE_PDF);
    }

    /** The fixture for these parameters, or 404 03003 as the staging answers unknown identifiers. */
    public Response answer(String operation, Map<String, String> params) {
        Fixture fixture = fixtures.find(operation, params)
                .orElseThrow(() -> DgfipErrors.notFound(DgfipErrors.ADELIE));
        ObjectNode body = fixture.payload().deepCopy();
        if (fixture.status() == 200 && body.path("data").has("document_url")) {
            ObjectNode data = (ObjectNode) body.get("data");
            DocumentStore.StoredDocument stored = documents.store(samplePdf);
            data.put("document_url", stored.url());
            String expiryField = data.has("document_url_expires_in") ? "document_url_expires_in" : "expires_in";
            data.put(expiryField, stored.expiresIn());
        }
        return Bodies.json(fixture.status(), body);
    }

    public byte[] samplePdf() {
        return samplePdf.clone();
    }
}
