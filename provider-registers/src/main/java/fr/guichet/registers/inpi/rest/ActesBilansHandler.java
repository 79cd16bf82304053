package fr.guichet.registers.inpi.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.registers.RegistersOperations;
import fr.guichet.registers.config.DocumentsConfig;
import fr.guichet.registers.inpi.client.InpiClient;
import fr.guichet.registers.inpi.client.InpiClient.Attachment;
import fr.guichet.registers.inpi.config.InpiConfig;
import fr.guichet.registers.inpi.mapping.ActesBilans;
import fr.guichet.registers.upstream.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * INPI's actes and bilans (open data). Sandbox mode is the kit's: the case's {@code url}s of INPI's
 * sample bilan become gateway {@code /proxy/files} links ({@code guichet.provider.sandbox-document-fields}).
 * Production: the attachments list ({@link InpiClient#attachments}), then the PDF of each of the
 * {@code guichet.registers.inpi.max-documents} most recent actes and bilans downloaded and stored in
 * the kit's {@link DocumentStore} (the gateway's {@code /proxy/files/{uuid}}, for
 * {@code guichet.registers.documents.ttl}); a PDF above {@code max-document-bytes} is not stored and
 * its entry left out. A failed download fails the call as {@link InpiClient#download} says.
 */
@ApplicationScoped
public class ActesBilansHandler implements OperationHandler {

    private static final Logger LOG = Logger.getLogger(ActesBilansHandler.class);

    private final InpiClient client;
    private final InpiConfig inpi;
    private final DocumentStore documents;
    private final DocumentsConfig documentsConfig;
    private final ObjectMapper json;

    public ActesBilansHandler(InpiClient client, InpiConfig inpi, DocumentStore documents, DocumentsConfig documentsConfig,
                              ObjectMapper json) {
        this.client = client;
        this.inpi = inpi;
        this.documents = documents;
        this.documentsConfig = documentsConfig;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of(RegistersOperations.INPI_RNE_ACTES_BILANS);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return Json.ok(json, ActesBilans.body(client.attachments(call.identifier()), inpi.maxDocuments(), this::store));
    }

    private Optional<String> store(Attachment kind, String id) {
        byte[] pdf = client.download(kind, id);
        if (pdf.length > inpi.maxDocumentBytes()) {
            LOG.warnf("INPI %s %s: %d bytes, above guichet.registers.inpi.max-document-bytes; left out", kind.path(), id, pdf.length);
            return Optional.empty();
        }
        return Optional.of(documents.store(pdf, documentsConfig.ttl()).url());
    }
}
