package fr.guichet.acoss.common;

import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.providerkit.sandbox.SandboxMisses;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * This adapter's rule for picking a sandbox case among the kit's ({@code guichet.provider.sandbox-roots}):
 * the case whose parameters are exactly the call's, defaults left out. Stricter than the kit's
 * matcher on purpose: {@code nature_effectif} and {@code profondeur} select a different case, so
 * a call without them must not fall on the {@code boeth} one.
 */
@ApplicationScoped
public class SandboxAnswers {

    private final SandboxEngine engine;
    private final SandboxMisses misses;

    public SandboxAnswers(SandboxEngine engine, SandboxMisses misses) {
        this.engine = engine;
        this.misses = misses;
    }

    /** The case of {@code operationId} whose parameters equal {@code params}, if any. */
    public Optional<SandboxCase> find(String operationId, Map<String, String> params) {
        return engine.cases(operationId).stream().filter(c -> c.params().equals(params)).findFirst();
    }

    /**
     * 404 {@code XX003} of {@code upstream} for a call no case answers, pointing to the published
     * sandbox catalogue ({@link SandboxMisses}).
     */
    public ApiException miss(Upstream upstream) {
        return misses.hinted(upstream.failure(404, "003", "Aucun cas du bac à sable ne correspond à ces paramètres."));
    }
}
