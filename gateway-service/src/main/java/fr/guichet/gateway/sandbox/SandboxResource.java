package fr.guichet.gateway.sandbox;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.common.sandbox.SandboxCatalogue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The published sandbox catalogue ({@link SandboxCatalogue}, generated from the providers'
 * sandbox cases): which calls the sandbox answers and what each gives. Public like {@code /pings}:
 * no token, not traced, since it holds no one's data.
 */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxResource {

    private final SandboxCatalogue catalogue = SandboxCatalogue.load();

    /** The whole catalogue: {@code {"operations": [...]}}. */
    @GET
    @Operation(hidden = true)
    public SandboxCatalogue all() {
        return catalogue;
    }

    /**
     * One operation of the catalogue, by its versioned id.
     *
     * @throws ApiException 404 {@code 00003} (errors.yml) when the catalogue has no such operation
     */
    @GET
    @Path("{operation_id}")
    @Operation(hidden = true)
    public SandboxCatalogue.Operation operation(@PathParam("operation_id") String operationId) {
        return catalogue.operation(operationId).orElseThrow(() -> new ApiException(404,
                ErrorCatalogue.standard().providerError(ProviderPrefix.PLATFORM, "003")
                        .withDetail("Le catalogue du bac à sable n'a pas d'opération « " + operationId
                                + " ». La liste des opérations est sur /sandbox.")));
    }
}
