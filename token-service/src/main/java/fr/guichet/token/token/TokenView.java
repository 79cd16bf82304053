package fr.guichet.token.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** A token as admins and partners list it; never its value. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
        String jti,
        @JsonProperty("habilitation_id") String habilitationId,
        String kind,
        String status,
        List<String> scopes,
        @JsonProperty("issued_at") String issuedAt,
        long exp,
        @JsonProperty("expires_at") String expiresAt,
        @JsonProperty("ends_at") String endsAt,
        @JsonProperty("revoked_at") String revokedAt,
        @JsonProperty("revocation_reason") String revocationReason,
        @JsonProperty("replaced_by") String replacedBy,
        @JsonProperty("retrievable") Boolean retrievable) {

    public static TokenView of(Token t, Instant now) {
        String status = t.isRevoked() ? "revoked" : t.endsAt.isAfter(now) ? "active" : "expired";
        return new TokenView(t.jti.toString(), t.habilitationId.toString(), t.kind, status, t.scopes,
                t.issuedAt.toString(), t.endsAt.getEpochSecond(), t.expiresAt.toString(), t.endsAt.toString(),
                t.revokedAt == null ? null : t.revokedAt.toString(), t.revocationReason,
                t.replacedBy == null ? null : t.replacedBy.toString(),
                Token.KIND_API.equals(t.kind) ? t.tokenValueEnc != null : null);
    }
}
