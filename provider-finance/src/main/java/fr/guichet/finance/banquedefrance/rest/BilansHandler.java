package fr.guichet.finance.banquedefrance.rest;

import fr.guichet.finance.banquedefrance.service.BilansService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/** Production mode of {@code api_entreprise_v3_banque_de_france_bilans_entreprise} (sandbox mode is the kit's cases). */
@ApplicationScoped
public class BilansHandler implements OperationHandler {

    static final String BILANS = "api_entreprise_v3_banque_de_france_bilans_entreprise";

    private final BilansService service;

    public BilansHandler(BilansService service) {
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return Set.of(BILANS);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        return ProviderAnswer.json(200, service.bilans(call.identifier()));
    }
}
