package fr.guichet.token.franceconnect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Body of {@code GET /internal/franceconnect/clients/{client_id}}: the habilitation a FranceConnect
 * client is bound to, as the gateway needs it to admit a FranceConnect call (docs/internal-contracts.md).
 *
 * @param habilitationId the bound habilitation
 * @param siret          its organisation's SIRET
 * @param apiKind        always {@code particulier}
 * @param scopes         the habilitation's scopes (the ceiling of a FranceConnect call's scopes)
 * @param jti            the newest live API token of the habilitation (quota, revocation, traces)
 * @param exp            when that token stops being accepted, epoch seconds
 */
@RegisterForReflection
public record FranceConnectClient(
        @JsonProperty("habilitation_id") String habilitationId,
        String siret,
        @JsonProperty("api_kind") String apiKind,
        List<String> scopes,
        String jti,
        long exp) {
}
