package fr.guichet.dgfip.chiffreaffaires.rest;

import static fr.guichet.dgfip.DgfipOperations.CHIFFRES_AFFAIRES_V3;

import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.dgfip.chiffreaffaires.service.ChiffresAffairesService;
import fr.guichet.dgfip.sandbox.DgfipSandbox;
import fr.guichet.dgfip.support.Bodies;
import fr.guichet.dgfip.support.Params;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Chiffres d'affaires of an établissement, bound to the declaration of
 * {@code guichet/operations/dgfip.yml}. In sandbox mode the query parameter {@code year} (not
 * part of the API Entreprise contract) picks the case.
 */
@ApplicationScoped
public class ChiffresAffairesHandler implements OperationHandler {

    private final ProviderConfig provider;
    private final DgfipSandbox sandbox;
    private final ChiffresAffairesService service;

    public ChiffresAffairesHandler(ProviderConfig provider, DgfipSandbox sandbox, ChiffresAffairesService service) {
        this.provider = provider;
        this.sandbox = sandbox;
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return Set.of(CHIFFRES_AFFAIRES_V3);
    }

    @Override
    public boolean answersSandbox() {
        return true;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        String siret = Params.siret(call.variable("siret"));
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(call);
        }
        return Bodies.ok(service.chiffresAffaires(siret));
    }
}
