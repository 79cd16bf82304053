package fr.guichet.providerkit.operation;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.common.operation.OperationDeclarations;
import fr.guichet.common.provider.ProviderConfig;
import fr.guichet.common.sandbox.SandboxCase;
import fr.guichet.providerkit.config.KitConfig;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.logging.PersonalValues;
import fr.guichet.providerkit.maintenance.ProviderMaintenance;
import fr.guichet.providerkit.sandbox.SandboxDocuments;
import fr.guichet.providerkit.sandbox.SandboxEngine;
import fr.guichet.providerkit.sandbox.SandboxMisses;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * The one JAX-RS resource of a provider: every data call of the API paths comes here, is
 * resolved to a declared operation ({@link ProviderOperations#resolve}), checked against the
 * maintenance windows, then answered from the sandbox cases (sandbox mode) or by the
 * {@link OperationHandler} bound to its id. Identifiers are re-checked only when
 * {@code guichet.provider.check-identifiers} is on: the gateway has checked them.
 */
@Path("/")
@Startup
public class OperationResource {

    private static final Logger LOG = Logger.getLogger(OperationResource.class);
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    private final ProviderOperations operations;
    private final ProviderConfig config;
    private final KitConfig kit;
    private final SandboxEngine sandbox;
    private final ProviderMaintenance maintenance;
    private final SandboxDocuments documents;
    private final SandboxMisses misses;
    private final Map<String, OperationHandler> handlers = new HashMap<>();

    @Inject
    public OperationResource(ProviderOperations operations, ProviderConfig config, KitConfig kit, SandboxEngine sandbox,
                             ProviderMaintenance maintenance, SandboxDocuments documents, SandboxMisses misses,
                             @Any Instance<OperationHandler> handlers) {
        this(operations, config, kit, sandbox, maintenance, documents, misses, (Iterable<OperationHandler>) handlers);
    }

    /** The same, with the handlers given (the kit's own tests, outside a CDI container). */
    OperationResource(ProviderOperations operations, ProviderConfig config, KitConfig kit, SandboxEngine sandbox,
                      ProviderMaintenance maintenance, SandboxDocuments documents, SandboxMisses misses,
                      Iterable<OperationHandler> handlers) {
        this.operations = operations;
        this.config = config;
        this.kit = kit;
        this.sandbox = sandbox;
        this.maintenance = maintenance;
        this.documents = documents;
        this.misses = misses;
        for (OperationHandler handler : handlers) {
            for (String id : handler.operations()) {
                if (operations.all().stream().noneMatch(d -> d.id().equals(id))) {
                    throw new IllegalStateException(handler.getClass().getName() + " handles " + id
                            + ", which guichet/operations/" + operations.key() + ".yml does not declare");
                }
                OperationHandler previous = this.handlers.put(id, handler);
                if (previous != null) {
                    throw new IllegalStateException("Operation " + id + " has two handlers: "
                            + previous.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
        for (OperationDeclaration d : operations.all()) {
            if (!this.handlers.containsKey(d.id())) {
                if (config.mode() == ProviderConfig.Mode.PRODUCTION) {
                    LOG.warnf("Operation %s has no handler: its calls fail with 502 %s999 in production mode",
                            d.id(), d.errorPrefix().prefix());
                } else {
                    LOG.infof("Operation %s has no handler: sandbox cases only", d.id());
                }
            }
        }
    }

    /** Every versioned API path ({@code /v3/...}); the declared templates decide which operation it is. */
    @GET
    @Path("{path: v[0-9]+/.+}")
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(hidden = true)
    public Response dispatch(@Context UriInfo uri, @Context HttpHeaders headers) {
        OperationDeclarations.Resolved resolved = operations
                .resolve(headers.getHeaderString(ProviderOperations.OPERATION_HEADER), uri.getRequestUri().getRawPath())
                .orElseThrow(ProviderErrors::unknownOperation);
        OperationCall call = new OperationCall(resolved, uri.getQueryParameters(), headers.getHeaderString(HttpHeaders.CACHE_CONTROL));
        ProviderAnswer answer = answer(call);
        Response.ResponseBuilder response = Response.status(answer.status()).type(JSON).entity(answer.body());
        answer.headers().forEach(response::header);
        return response.build();
    }

    ProviderAnswer answer(OperationCall call) {
        if (!ApiKinds.particulier(call.declaration())) {
            return answerCall(call);
        }
        // every log line written while this thread answers the call masks its parameters
        try (PersonalValues.Scope scope = PersonalValues.enter(PersonalValues.of(call.query()))) {
            return answerCall(call);
        }
    }

    private ProviderAnswer answerCall(OperationCall call) {
        OperationDeclaration declaration = call.declaration();
        maintenance.check(declaration.errorPrefix(), declaration.providerName());
        OperationHandler handler = handlers.get(declaration.id());
        if (config.mode() == ProviderConfig.Mode.SANDBOX && (handler == null || !handler.answersSandbox())) {
            return sandbox(call);
        }
        if (kit.checkIdentifiers()) {
            IdentifierCheck.require(call);
        }
        if (handler == null) {
            LOG.errorf("No handler for %s in production mode", declaration.id());
            throw ProviderErrors.unexpected(declaration.errorPrefix());
        }
        try {
            return handler.handle(call);
        } catch (ApiException | WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            // Under the operation's own prefix: a provider serving several upstreams (provider-social:
            // MSA 10, PRO BTP 09...) answers a bug of one adapter as that upstream's XX999.
            LOG.error("Unexpected failure of " + declaration.id(), e);
            throw ProviderErrors.unexpected(declaration.errorPrefix());
        }
    }

    /**
     * The matching case verbatim (API Particulier's operations matched by API Particulier's rule, see
     * {@link fr.guichet.providerkit.sandbox.ParticulierMatcher}; a document operation's sample documents
     * stored and linked, see {@link SandboxDocuments}); else (the identifier re-checked when the setting says so) the
     * operation's 404 case (API Particulier: its {@code 404.yaml}), or the standard 404 {@code XX003} when it has none, either pointing to
     * the published catalogue ({@link SandboxMisses}).
     */
    private ProviderAnswer sandbox(OperationCall call) {
        boolean particulier = ApiKinds.particulier(call.declaration());
        Optional<SandboxCase> match = particulier ? sandbox.findParticulier(call.operationId(), call.query())
                : sandbox.find(call.operationId(), call.selectingParameters());
        if (match.isPresent()) {
            SandboxCase found = match.get();
            String payload = found.status() == 200 && call.declaration().document()
                    ? documents.withStoredDocuments(found.payload()) : found.payload();
            return ProviderAnswer.json(found.status(), payload);
        }
        if (kit.checkIdentifiers()) {
            IdentifierCheck.require(call);
        }
        return (particulier ? sandbox.particulierNotFoundCase(call.operationId()) : sandbox.notFoundCase(call.operationId()))
                .map(c -> ProviderAnswer.json(404, misses.hinted(c.payload())))
                .orElseThrow(() -> misses.hinted(ProviderErrors.notFound(call.declaration().errorPrefix(),
                        call.declaration().providerName())));
    }
}
