package fr.guichet.token.oauth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An OAuth2 client of a habilitation as its partner lists it: its id, never its secret (Guichet
 * keeps only the secret's hash).
 *
 * @param status    {@code active} or {@code revoked}
 * @param createdAt ISO-8601 instant
 * @param revokedAt ISO-8601 instant, absent while active
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthClientView(
        @JsonProperty("client_id") String clientId,
        @JsonProperty("habilitation_id") String habilitationId,
        String status,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("revoked_at") String revokedAt) {

    public static OAuthClientView of(OAuthClient c) {
        return new OAuthClientView(c.clientId, c.habilitationId.toString(), c.revokedAt == null ? "active" : "revoked",
                c.createdAt.toString(), c.revokedAt == null ? null : c.revokedAt.toString());
    }
}
