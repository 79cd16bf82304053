package fr.guichet.token.error;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.guichet.token.config.NulCharacterGuard;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorResponse;
import fr.guichet.common.error.HttpErrors;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure leaves as an API Entreprise error body with a French message; never a bare 500. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(MediaType.APPLICATION_JSON).entity(e.body());
        Object retryIn = e.errors().get(0).meta().get("retry_in");
        if (retryIn != null) {
            builder.header("Retry-After", retryIn);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        String detail;
        if (e instanceof UnrecognizedPropertyException u) {
            return apiException(TokenErrors.invalid(u.getPropertyName(),
                    "Le champ « " + u.getPropertyName() + " » n'est pas attendu."));
        } else if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            MismatchedInputException m = (MismatchedInputException) e;
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (!field.isEmpty() && e instanceof InvalidFormatException f && NulCharacterGuard.holdsNul(f.getValue())) {
                return apiException(TokenErrors.invalid(field,
                        "Le champ « " + field + " » contient le caractère nul (U+0000), qui n'est pas admis."));
            }
            if (!field.isEmpty()) {
                return apiException(TokenErrors.invalid(field, "Le champ « " + field + " » n'a pas le type attendu."));
            }
            detail = "Le corps de la requête n'a pas la forme attendue.";
        } else {
            detail = "Le corps de la requête n'est pas un JSON valide.";
        }
        return apiException(TokenErrors.malformedBody(detail));
    }

    // Specific types too, so that ours win over the built-in Jackson mappers (most specific type wins).
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

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return apiException(TokenErrors.unauthorized("Authentification requise : jeton de session absent ou invalide."));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return apiException(TokenErrors.unauthorized("Authentification requise : jeton de session absent ou invalide."));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return apiException(TokenErrors.forbidden("Votre session ne donne pas accès à cette ressource."));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return apiException(TokenErrors.notFound("Ressource non trouvée."));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return apiException(HttpErrors.methodNotAllowed(TokenErrors.INVALID,
                e.getResponse().getAllowedMethods()));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return apiException(HttpErrors.unsupportedMediaType(TokenErrors.INVALID));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json);
            }
        }
        if (status == 400) {
            return apiException(TokenErrors.malformedBody("Le corps de la requête n'est pas un JSON valide ou n'a pas la forme attendue."));
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Response.status(500).type(MediaType.APPLICATION_JSON).entity(ErrorResponse.of(TokenErrors.internal())).build();
        }
        return apiException(new ApiException(status, TokenErrors.invalidError(null, "Requête refusée (" + status + ").")));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON).entity(ErrorResponse.of(TokenErrors.internal())).build();
    }
}
