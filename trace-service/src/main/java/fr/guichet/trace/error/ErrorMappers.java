package fr.guichet.trace.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorResponse;
import fr.guichet.common.error.HttpErrors;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
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

    /**
     * A JSON body the route could not read (the identity search's): 422 {@code 00262} naming the
     * field in {@code source.parameter} when the JSON is well formed but a field does not fit,
     * otherwise 400 {@code 00261} with the line and column of the syntax error or the shape
     * expected. Said in French by {@link JsonReadErrors}: Jackson's English message, which names
     * Guichet's classes, goes to no caller.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String field = JsonReadErrors.field(e);
        if (e instanceof JsonMappingException && field != null) {
            return apiException(TraceErrors.invalidParameter(field, capitalised(JsonReadErrors.binding(e)) + "."));
        }
        if (e instanceof JsonMappingException) {
            return apiException(TraceErrors.unreadableBody("Le corps de la requête n'a pas la forme attendue : "
                    + JsonReadErrors.binding(e) + "."));
        }
        return apiException(TraceErrors.unreadableBody("Le corps n'est pas un JSON valide : " + JsonReadErrors.syntax(e) + "."));
    }

    // The specific types too, so that these win over Quarkus's built-in Jackson mappers (the most
    // specific type wins), which answer outside the error model.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unrecognizedProperty(UnrecognizedPropertyException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e) {
        return unreadableJson(e);
    }

    /**
     * The JSON reader wraps a body that is no JSON in a bare 400 {@link WebApplicationException}:
     * answered like the parse failure it carries. Any other keeps its own response, as without
     * this mapper.
     */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        return e.getResponse();
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
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
