package fr.guichet.social.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.social.error.UpstreamErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The answer of a document operation: the upstream's PDF stored for the gateway's
 * {@code /proxy/files/{uuid}} ({@link DocumentStore}), and API Entreprise's document body
 * {@code {"data": {"document_url", "expires_in"}, "links": {}, "meta": {}}} ({@code expires_in} in seconds).
 */
@ApplicationScoped
public class DocumentAnswers {

    private static final Logger LOG = Logger.getLogger(DocumentAnswers.class);
    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    private final DocumentStore documents;
    private final ObjectMapper json;

    public DocumentAnswers(DocumentStore documents, ObjectMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /**
     * Stores {@code pdf} for {@code ttl}.
     *
     * @throws fr.guichet.common.error.ApiException 502 {@code XX999} when the bytes are not a PDF
     *         (nothing is stored), 503 {@code 00502} when Redis cannot store it
     */
    public ProviderAnswer pdf(OperationDeclaration operation, byte[] pdf, Duration ttl) {
        if (!isPdf(pdf)) {
            LOG.errorf("%s: the upstream's document is not a PDF (%d bytes)", operation.id(), pdf == null ? 0 : pdf.length);
            throw UpstreamErrors.unknownAnswer(operation);
        }
        DocumentStore.StoredDocument stored = documents.store(pdf, ttl);
        ObjectNode body = json.createObjectNode();
        body.putObject("data").put("document_url", stored.url()).put("expires_in", stored.expiresIn());
        body.putObject("links");
        body.putObject("meta");
        return ProviderAnswer.json(200, body.toString());
    }

    static boolean isPdf(byte[] content) {
        if (content == null || content.length < PDF_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PDF_MAGIC.length; i++) {
            if (content[i] != PDF_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
