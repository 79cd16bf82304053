package fr.guichet.token.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** RFC 6749 §5.2 error body; raised as {@link OAuthException}. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
}
