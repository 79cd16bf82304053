package fr.guichet.finance.vies.rest;

import fr.guichet.finance.vies.service.ViesService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_european_commission_vies} (sandbox mode is the kit's cases). */
@ApplicationScoped
public class ViesHandler implements OperationHandler {

    private final ViesService service;

    public ViesHandler(ViesService service) {
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return Set.of("api_entreprise_v3_european_commission_vies");
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return ProviderAnswer.json(200, service.tvaNumber(call.identifier()));
    }
}
