package fr.guichet.token.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.common.error.ApiError;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * RFC 6749 §5.2 error body; raised as {@link OAuthException}. {@code errors} (API Entreprise error
 * model) is added where Guichet has its own reason beyond RFC 6749's codes, e.g. a 429.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthError(String error, @JsonProperty("error_description") String errorDescription, List<ApiError> errors) {

    public OAuthError(String error, String errorDescription) {
        this(error, errorDescription, null);
    }
}
