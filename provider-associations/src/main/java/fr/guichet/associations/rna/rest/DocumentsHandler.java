package fr.guichet.associations.rna.rest;

import fr.guichet.associations.rna.service.DocumentsService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_mi_documents_associations} (sandbox mode is the kit's cases). */
@ApplicationScoped
public class DocumentsHandler implements OperationHandler {

    private final DocumentsService service;

    public DocumentsHandler(DocumentsService service) {
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_mi_documents_associations");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return ProviderAnswer.json(200, service.documents(call.identifier()));
    }
}
