package fr.guichet.token.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.error.TokenErrors;
import fr.guichet.token.token.TokenService;
import fr.guichet.token.token.TokenState;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Token state for the gateway, behind {@link InternalRouteGuard} (service credential required):
 * the fallback on a Redis miss, and the revoked set a gateway replica loads at start.
 */
@Tag(name = "Interne", description = "État des jetons pour la passerelle (identifiant de service exigé)")
@Path("/internal/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class InternalTokenResource {

    /** One revoked token: its {@code jti} and its JWT's {@code exp} (epoch seconds). */
    @RegisterForReflection
    public record Revoked(String jti, long exp) {
    }

    /** {@code {"data": [...]}}. */
    @RegisterForReflection
    public record RevokedList(@JsonProperty("data") List<Revoked> data) {
    }

    @Inject
    TokenService tokens;

    /** The state of one token (the fields of the Redis copy, lists as arrays); 404 {@code 00003} if unknown. */
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

    /**
     * Every revoked token whose JWT has not expired yet ({@code exp} in the future), so that a
     * gateway replica starting while Redis is down still refuses them.
     */
    @GET
    @Path("/revoked")
    public Uni<RevokedList> revoked() {
        return tokens.revokedUnexpired()
                .map(list -> new RevokedList(list.stream().map(t -> new Revoked(t.jti.toString(), t.expiresAt.getEpochSecond())).toList()));
    }
}
