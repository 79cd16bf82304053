package fr.guichet.dgfip.health;

import fr.guichet.dgfip.maintenance.MaintenanceWindow;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Provider-side status for the gateway's {@code /ping/dgfip/...}: {@code ok}, or
 * {@code maintenance} (HTTP 503) inside DGFIP's window.
 */
@Path("/ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

    @RegisterForReflection
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Ping(String status, String last_update, Long retry_in) {
    }

    private final MaintenanceWindow window;
    private final Clock clock;

    public PingResource(MaintenanceWindow window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "État du fournisseur DGFIP (ok ou maintenance)")
    public Response ping() {
        String now = Instant.now(clock).toString();
        return window.remaining()
                .map(seconds -> Response.status(503).entity(new Ping("maintenance", now, seconds)).build())
                .orElseGet(() -> Response.ok(new Ping("ok", now, null)).build());
    }
}
