package fr.guichet.token.franceconnect;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Body of {@code PUT /admin/habilitations/{id}/franceconnect_client}: the partner's FranceConnect
 * client id (the {@code aud} FranceConnect puts in its token introspection) and an optional reason
 * kept in the audit trail.
 */
@RegisterForReflection
public record FranceConnectClientRequest(@JsonProperty("client_id") String clientId, String reason) {
}
