package fr.guichet.trace.error;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorResponse;
import fr.guichet.common.error.HttpErrors;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure reaches the caller as an API Entreprise error body. */
public class ErrorMappers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return body(e.status(), e.body());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.fromResponse(body(401, TraceErrors.unauthorized().body()))
                .header("WWW-Authenticate", "Bearer, Basic realm=\"guichet-trace\"").build();
    }

    /** Storage failures (PostgreSQL unreachable, ...): retryable, and nothing was committed. */
    @ServerExceptionMapper
    public Response unavailable(fr.guichet.trace.store.StorageException e) {
        LOG.error("trace-service storage failure", e);
        return Response.fromResponse(body(503, TraceErrors.unavailable().body())).header("Retry-After", "5").build();
    }

    /** The reactive pool could not reach PostgreSQL. */
    @ServerExceptionMapper
    public Response unreachable(java.net.ConnectException e) {
        LOG.error("trace-service cannot reach PostgreSQL: " + e.getMessage());
        return Response.fromResponse(body(503, TraceErrors.unavailable().body())).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return apiException(HttpErrors.methodNotAllowed(TraceErrors.UNREADABLE_BODY,
                e.getResponse().getAllowedMethods()));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return apiException(HttpErrors.unsupportedMediaType(TraceErrors.UNREADABLE_BODY));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return body(403, TraceErrors.forbidden().body());
    }

    private static Response body(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
