package fr.guichet.token.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** Answer of validation and prolongation: the token value, shown to the admin once. */
@RegisterForReflection
public record IssuedTokenView(
        @JsonProperty("habilitation_id") String habilitationId,
        String jti,
        String token,
        long exp,
        List<String> scopes) {

    public static IssuedTokenView of(TokenService.Issued issued) {
        Token t = issued.token();
        return new IssuedTokenView(t.habilitationId.toString(), t.jti.toString(), issued.jwt(),
                t.expiresAt.getEpochSecond(), t.scopes);
    }
}
