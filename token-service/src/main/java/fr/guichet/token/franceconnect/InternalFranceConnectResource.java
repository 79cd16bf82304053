package fr.guichet.token.franceconnect;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The gateway's FranceConnect look-up, behind {@link fr.guichet.token.internal.InternalRouteGuard}
 * (service credential required, like {@code /internal/tokens}).
 */
@Tag(name = "Interne", description = "État des jetons pour la passerelle (identifiant de service exigé)")
@Path("/internal/franceconnect/clients")
@Produces(MediaType.APPLICATION_JSON)
public class InternalFranceConnectResource {

    @Inject
    FranceConnectBindingService bindings;

    /**
     * The habilitation bound to a FranceConnect client id and its newest live token; 404
     * {@code 00003} when none (unknown id, habilitation not validated, or no live token).
     */
    @GET
    @Path("/{clientId}")
    public Uni<FranceConnectClient> get(@PathParam("clientId") String clientId) {
        return bindings.client(clientId);
    }
}
