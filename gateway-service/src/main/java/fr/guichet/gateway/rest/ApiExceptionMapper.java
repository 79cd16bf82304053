package fr.guichet.gateway.rest;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorResponse;
import fr.guichet.common.error.HttpErrors;
import fr.guichet.gateway.service.Errors;
import fr.guichet.gateway.service.GatewayService;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** API Entreprise error bodies for platform routes and for paths no resource serves. */
public class ApiExceptionMapper {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMapper.class);
    /** Code of the gateway's 405 and 415: the catalogue's "not implemented" ({@code 00503}). */
    static final String NOT_IMPLEMENTED = "00503";

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return GatewayService.errorResponse(e).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return GatewayService.errorResponse(Errors.unknownRoute()).build();
    }

    /**
     * Every resource of the gateway is read-only: GET, and HEAD and OPTIONS, which the gateway
     * answers on every GET route (the REST layer lists the same three in its answer to OPTIONS).
     */
    static final Set<String> READ_ONLY = Set.of("GET", "HEAD", "OPTIONS");

    /**
     * 405 {@code 00503} with the {@code Allow} header that RFC 9110, section 15.5.6, requires: the
     * REST layer's refusal names no method, so the gateway's own ({@link #READ_ONLY}) are given.
     */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Set<String> allowed = e.getResponse().getAllowedMethods();
        if (allowed == null || allowed.isEmpty()) {
            allowed = READ_ONLY;
        }
        return GatewayService.errorResponse(HttpErrors.methodNotAllowed(NOT_IMPLEMENTED, allowed))
                .header("Allow", String.join(", ", new TreeSet<>(allowed))).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return GatewayService.errorResponse(HttpErrors.unsupportedMediaType(NOT_IMPLEMENTED)).build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w) {
            return w.getResponse();
        }
        return internalError(e);
    }

    /**
     * The answer to a failure of a route outside the REST layer ({@link DataRoute}), as the mappers
     * above give it: the API's error for an {@link ApiException}, else 500 {@code 00500} (logged).
     */
    static Response toResponse(Throwable failure) {
        if (failure instanceof ApiException e) {
            return GatewayService.errorResponse(e).build();
        }
        return internalError(failure);
    }

    private static Response internalError(Throwable e) {
        LOG.error("Unexpected failure", e);
        return Response.status(500).entity(ErrorResponse.of(Errors.of("00500"))).type("application/json").build();
    }
}
