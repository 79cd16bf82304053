package fr.guichet.insee.service;

import fr.guichet.insee.config.ProviderConfig;
import fr.guichet.insee.error.InseeErrors;
import fr.guichet.insee.operation.InseeOperation;
import fr.guichet.insee.sandbox.SandboxService;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers one INSEE operation in the configured mode. */
@ApplicationScoped
public class InseeService {

    private final ProviderConfig provider;
    private final SandboxService sandbox;

    public InseeService(ProviderConfig provider, SandboxService sandbox) {
        this.provider = provider;
        this.sandbox = sandbox;
    }

    public InseeAnswer fetch(InseeOperation operation, String identifier, boolean bypassCache) {
        if (provider.mode() == ProviderConfig.Mode.SANDBOX) {
            return sandbox.answer(operation, identifier);
        }
        throw InseeErrors.unavailable();
    }
}
