package fr.guichet.insee.sandbox;

import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.insee.error.InseeErrors;
import fr.guichet.insee.operation.InseeOperation;
import fr.guichet.insee.service.IdentifierCheck;
import fr.guichet.insee.service.InseeAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Sandbox mode, as API Entreprise's staging: a call whose parameters match a fixture gets that
 * fixture's status and body verbatim; any other well-formed identifier gets the operation's
 * "not found" fixture (or the standard 404 01003 when the fixture set has none).
 */
@ApplicationScoped
public class SandboxService {

    private final SandboxCatalogue catalogue;

    public SandboxService(SandboxCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public InseeAnswer answer(InseeOperation operation, String identifier) {
        Optional<SandboxCase> match = catalogue.find(operation, Map.of(operation.identifierKind().parameter(), identifier));
        if (match.isPresent()) {
            return new InseeAnswer(match.get().status(), match.get().payload(), null);
        }
        IdentifierCheck.require(operation.identifierKind(), identifier);
        Optional<SandboxCase> notFound = catalogue.notFoundCase(operation);
        if (notFound.isPresent()) {
            return new InseeAnswer(404, notFound.get().payload(), null);
        }
        throw InseeErrors.notFound();
    }
}
