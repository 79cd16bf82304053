package fr.guichet.insee.sirene.rest;

import fr.guichet.insee.sirene.service.CacheDirective;
import fr.guichet.insee.sirene.service.InseeAnswer;
import fr.guichet.insee.sirene.service.InseeOperation;
import fr.guichet.insee.sirene.service.InseeService;
import fr.guichet.providerkit.operation.OperationCall;
import fr.guichet.providerkit.operation.OperationHandler;
import fr.guichet.providerkit.operation.ProviderAnswer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The INSEE operations of API Entreprise in production mode, bound by operation id to the
 * declarations of {@code guichet/operations/insee.yml} (paths, versions); the kit's dispatcher
 * resolves each call and answers sandbox mode from the cases. A partner's
 * {@code Cache-Control: no-cache} (passed on by the gateway) skips the cached copy.
 */
@ApplicationScoped
public class SireneHandler implements OperationHandler {

    /** Response header telling whether the answer came from the cache ({@code hit}/{@code miss}). */
    public static final String CACHE_HEADER = "X-Guichet-Cache";

    private static final Set<String> OPERATIONS = Stream.of(InseeOperation.values())
            .filter(op -> op.version() == 3).map(InseeOperation::id).collect(Collectors.toUnmodifiableSet());

    private final InseeService service;

    public SireneHandler(InseeService service) {
        this.service = service;
    }

    @Override
    public Set<String> operations() {
        return OPERATIONS;
    }

    @Override
    public ProviderAnswer handle(OperationCall call) {
        InseeOperation operation = InseeOperation.byId(call.operationId());
        InseeAnswer answer = service.fetch(operation, call.identifier(), CacheDirective.of(call.cacheControl()));
        return new ProviderAnswer(answer.status(), answer.body(),
                answer.cache() == null ? Map.of() : Map.of(CACHE_HEADER, answer.cache().header()));
    }
}
