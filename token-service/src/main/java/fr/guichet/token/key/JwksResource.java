package fr.guichet.token.key;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Public keys of every live signing key; the gateway and trace-service verify against them. */
@Tag(name = "Clés publiques", description = "JWKS des clés de signature en service")
@Path("/.well-known/jwks.json")
public class JwksResource {

    @Inject
    KeyRing ring;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        Map<String, Object> body = ring.jwks();
        // Short cache: rotations and retirements must reach verifiers within a minute.
        return Response.ok(body).header("Cache-Control", "public, max-age=60").build();
    }
}
