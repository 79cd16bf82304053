package fr.guichet.registers.inpi.rest;

import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import fr.guichet.registers.RegistersOperations;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * INPI's actes and bilans (open data). Sandbox mode is the kit's: the case's {@code url}s of INPI's
 * sample bilan become gateway {@code /proxy/files} links ({@code guichet.provider.sandbox-document-fields}).
 * Production mode is not built yet: 502 {@code 34999}.
 */
@ApplicationScoped
public class ActesBilansHandler implements OperationHandler {

    @Override
    public Set<String> operations() {
        return Set.of(RegistersOperations.INPI_RNE_ACTES_BILANS);
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        throw new IllegalStateException("INPI actes et bilans: production mode is not built");
    }
}
