package fr.guichet.token.oauth;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.error.TokenErrors;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import fr.guichet.token.habilitation.ReasonRequest;
import java.util.Map;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Tag(name = "Admin : clients OAuth2", description = "Clients OAuth2 (rôle admin)")
@Path("/admin/oauth-clients")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminOAuthClientResource {

    @RegisterForReflection
    public record CreateClient(@JsonProperty("habilitation_id") String habilitationId, String reason) {
    }

    @RegisterForReflection
    public record ClientView(@JsonProperty("client_id") String clientId,
                             @JsonProperty("client_secret") String clientSecret,
                             @JsonProperty("habilitation_id") String habilitationId) {
    }

    @Inject
    OAuthService oauth;

    @Inject
    JsonWebToken session;

    @POST
    @Path("/{clientId}/revoke")
    public Uni<Map<String, String>> revoke(@PathParam("clientId") String clientId, ReasonRequest body) {
        return oauth.revokeClient(clientId, session.getSubject(), ReasonRequest.of(body))
                .replaceWith(Map.of("client_id", clientId, "status", "revoked"));
    }

    /** The secret appears in this answer only; Guichet keeps its hash. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> create(CreateClient body) {
        if (body == null || body.habilitationId() == null) {
            throw TokenErrors.invalid("habilitation_id", "Le champ « habilitation_id » est obligatoire.");
        }
        UUID id;
        try {
            id = UUID.fromString(body.habilitationId());
        } catch (IllegalArgumentException e) {
            throw TokenErrors.invalid("habilitation_id", "Le champ « habilitation_id » doit être un UUID.");
        }
        return oauth.createClient(id, session.getSubject(), body.reason())
                .map(c -> Response.status(201)
                        .entity(new ClientView(c.clientId(), c.clientSecret(), c.habilitationId().toString())).build());
    }
}
