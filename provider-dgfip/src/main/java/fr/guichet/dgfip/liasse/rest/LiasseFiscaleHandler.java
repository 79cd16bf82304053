package fr.guichet.dgfip.liasse.rest;

import static fr.guichet.dgfip.DgfipOperations.LIASSES_FISCALES_V3;
import static fr.guichet.dgfip.DgfipOperations.LIENS_CAPITALISTIQUES_V3;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.dgfip.liasse.service.LiasseFiscaleService;
import fr.guichet.dgfip.sandbox.DgfipSandbox;
import fr.guichet.dgfip.support.Bodies;
import fr.guichet.dgfip.support.Params;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Set;

/**
 * Liasses fiscales and liens capitalistiques of a legal unit for a fiscal year (one DGFIP call),
 * bound to the declarations of {@code guichet/operations/dgfip.yml}. The year is checked in both
 * modes (00307, 00315).
 */
@ApplicationScoped
public class LiasseFiscaleHandler implements OperationHandler {

    private final ProviderConfig provider;
    private final DgfipSandbox sandbox;
    private final LiasseFiscaleService service;
    private final Clock clock;

    public LiasseFiscaleHandler(ProviderConfig provider, DgfipSandbox sandbox, LiasseFiscaleService service, Clock clock) {
        this.provider = provider;
        this.sandbox = sandbox;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public Set<String> operations() {
        return Set.of(LIASSES_FISCALES_V3, LIENS_CAPITALISTIQUES_V3);
    }

    @Override
    public boolean answersSandbox() {
        return true;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String siren = Params.siren(call.variable("siren"));
        int year = Params.year(call.variable("year"), clock);
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(call);
        }
        return Bodies.ok(LIASSES_FISCALES_V3.equals(call.declaration().id())
                ? service.liassesFiscales(siren, year) : service.liensCapitalistiques(siren, year));
    }
}
