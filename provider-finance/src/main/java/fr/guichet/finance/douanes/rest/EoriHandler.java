package fr.guichet.finance.douanes.rest;

import fr.guichet.finance.douanes.service.EoriService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_dgddi_eori} (sandbox mode is the kit's cases). */
@ApplicationScoped
public class EoriHandler implements OperationHandler {

    static final String EORI = "api_entreprise_v3_dgddi_eori";

    private final EoriService service;

    public EoriHandler(EoriService service) {
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return Set.of(EORI);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return ProviderAnswer.json(200, service.registration(call.identifier()));
    }
}
