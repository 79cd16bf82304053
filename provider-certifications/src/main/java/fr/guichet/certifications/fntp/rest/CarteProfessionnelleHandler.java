package fr.guichet.certifications.fntp.rest;

import fr.guichet.certifications.answer.DocumentAnswers;
import fr.guichet.certifications.fntp.client.FntpClient;
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
    private final DocumentAnswers documents;

    public CarteProfessionnelleHandler(FntpClient client, DocumentAnswers documents) {
        this.client = client;
        this.documents = documents;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_fntp_carte_professionnelle_travaux_publics");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return documents.stored(client.card(call.identifier()));
    }
}
