package fr.guichet.providerkit.error;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.HttpErrors;
import fr.guichet.providerkit.operation.ProviderOperations;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one exception mapper of the providers: every failure leaves as an API Entreprise error
 * body. An {@link ApiException} keeps its status and body ({@code Retry-After} = {@code meta.retry_in}
 * on 429 and 503); 405 and 415 get their titled error body; other JAX-RS refusals below 500 (406...) keep theirs; anything else is a failure
 * nobody foresaw: 502 with the provider's {@code XX999} ({@link ProviderErrors#unexpected}).
 *
 * <p>Priority below the default, so that a provider module still holding its own mapper keeps it
 * until it moves onto the kit.
 */
public class ProviderExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ProviderExceptionMapper.class);
    static final int PRIORITY = jakarta.ws.rs.Priorities.USER + 100;
    /** Code of 405 and 415: the platform's "not implemented" ({@code 00503}), as the gateway answers them. */
    static final String NOT_IMPLEMENTED = "00503";

    private final ProviderOperations operations;

    public ProviderExceptionMapper(ProviderOperations operations) {
        this.operations = operations;
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response api(ApiException e) {
        return toResponse(e);
    }

    /** 405 with the API error model; the gateway answers the same code. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response notAllowed(NotAllowedException e) {
        return toResponse(HttpErrors.methodNotAllowed(NOT_IMPLEMENTED,
                e.getResponse().getAllowedMethods()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unsupported(NotSupportedException e) {
        return toResponse(HttpErrors.unsupportedMediaType(NOT_IMPLEMENTED));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(RuntimeException e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        LOG.error("Unexpected failure", e);
        return toResponse(ProviderErrors.unexpected(operations.errorPrefix()));
    }

    /** The response of an API error: its status, its body, and {@code Retry-After} when it says when to retry. */
    public static Response toResponse(ApiException e) {
        Response.ResponseBuilder response = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body());
        Object retryIn = e.errors().isEmpty() ? null : e.errors().get(0).meta().get("retry_in");
        if (retryIn != null && (e.status() == 429 || e.status() == 503)) {
            response.header("Retry-After", retryIn);
        }
        return response.build();
    }
}
