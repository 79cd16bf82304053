package fr.guichet.token.token;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import fr.guichet.token.error.TokenErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.inject.Inject;
import java.util.UUID;

/** Cluster-only: the gateway's fallback when {@code guichet:token:{jti}} is missing from Redis. */
@Tag(name = "Interne", description = "État d'un jeton pour la passerelle (réseau interne seulement)")
@Path("/internal/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class InternalTokenResource {

    @Inject
    TokenService tokens;

    @GET
    @Path("/{jti}")
    public Uni<TokenState> get(@PathParam("jti") String jti) {
        UUID id;
        try {
            id = UUID.fromString(jti);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(TokenErrors.notFound("Jeton inconnu : " + jti));
        }
        return tokens.state(id);
    }
}
