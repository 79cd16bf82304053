package fr.guichet.associations.subvention.rest;

import fr.guichet.associations.subvention.service.SubventionsService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_data_subvention_subventions} (sandbox mode is the kit's cases). */
@ApplicationScoped
public class SubventionsHandler implements OperationHandler {

    private final SubventionsService service;

    public SubventionsHandler(SubventionsService service) {
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_data_subvention_subventions");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return ProviderAnswer.json(200, service.subventions(call.identifier()));
    }
}
