package fr.guichet.dgfip.attestation.rest;

import static fr.guichet.dgfip.DgfipOperations.ATTESTATIONS_FISCALES_V3;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.dgfip.attestation.service.AttestationFiscaleService;
import fr.guichet.dgfip.sandbox.DgfipSandbox;
import fr.guichet.dgfip.support.Bodies;
import fr.guichet.dgfip.support.Params;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Attestation fiscale v3 and v4, bound to the declaration of {@code guichet/operations/dgfip.yml}.
 * It answers sandbox mode too, where the sample PDF is stored behind {@code document_url}.
 */
@ApplicationScoped
public class AttestationFiscaleHandler implements OperationHandler {

    private final ProviderConfig provider;
    private final DgfipSandbox sandbox;
    private final AttestationFiscaleService service;

    public AttestationFiscaleHandler(ProviderConfig provider, DgfipSandbox sandbox, AttestationFiscaleService service) {
        this.provider = provider;
        this.sandbox = sandbox;
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return Set.of(ATTESTATIONS_FISCALES_V3);
    }

    @Override
    public boolean answersSandbox() {
        return true;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String siren = Params.siren(call.variable("siren"));
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(call);
        }
        return Bodies.ok(Bodies.envelope("v4".equals(call.version()) ? service.v4(siren) : service.v3(siren)));
    }
}
