package fr.guichet.registers.inpi.rest;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.registers.RegistersOperations;
import fr.guichet.registers.sandbox.SandboxDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * INPI's actes and bilans (open data). In sandbox mode the documents of the case are INPI's sample
 * bilan, stored like a production document so that the gateway's {@code /proxy/files} serves it
 * ({@link SandboxDocuments}). Production mode is not built yet: 502 {@code 34999}.
 */
@ApplicationScoped
public class ActesBilansHandler implements OperationHandler {

    private final ProviderConfig provider;
    private final SandboxDocuments sandbox;

    public ActesBilansHandler(ProviderConfig provider, SandboxDocuments sandbox) {
        this.provider = provider;
        this.sandbox = sandbox;
    }

    @Override
    public Set<String> operations() {
        return Set.of(RegistersOperations.INPI_RNE_ACTES_BILANS);
    }

    @Override
    public boolean answersSandbox() {
        return true;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(call);
        }
        throw new IllegalStateException("INPI actes et bilans: production mode is not built");
    }
}
