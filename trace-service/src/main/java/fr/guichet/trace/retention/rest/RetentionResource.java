package fr.guichet.trace.retention.rest;

import fr.guichet.trace.retention.service.RetentionReport;
import fr.guichet.trace.retention.service.RetentionService;
import fr.guichet.trace.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Runs the retention job now (it also runs daily). */
@Path("/admin/traces/retention")
public class RetentionResource {

    private final RetentionService retention;

    public RetentionResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Applique la politique de conservation des traces (purges enregistrées et scellées)")
    public RetentionReport run() {
        return retention.run(Instant.now());
    }
}
