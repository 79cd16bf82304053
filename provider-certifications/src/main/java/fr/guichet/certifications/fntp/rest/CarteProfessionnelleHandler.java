package fr.guichet.certifications.fntp.rest;

import fr.guichet.certifications.config.CertificationsConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.certifications.answer.Answers;
import fr.guichet.certifications.fntp.client.FntpClient;
import fr.guichet.providerkit.document.DocumentStore;
import fr.guichet.providerkit.document.DocumentStore.StoredDocument;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Production mode of {@code api_entreprise_v3_fntp_carte_professionnelle_travaux_publics}: FNTP's
 * PDF card stored for the gateway's {@code /proxy/files}, answered as API Entreprise's document
 * serializer does ({@code document_url}, {@code expires_in} in seconds).
 */
@ApplicationScoped
public class CarteProfessionnelleHandler implements OperationHandler {

    private final FntpClient client;
    private final DocumentStore documents;
    private final CertificationsConfig config;
    private final ObjectMapper json;

    public CarteProfessionnelleHandler(FntpClient client, DocumentStore documents, CertificationsConfig config, ObjectMapper json) {
        this.client = client;
        this.documents = documents;
        this.config = config;
        this.json = json;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_fntp_carte_professionnelle_travaux_publics");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        StoredDocument stored = documents.store(client.card(call.identifier()), config.documentTtl());
        return Answers.document(json, stored);
    }
}
