package fr.guichet.trace.retention.rest;

import fr.guichet.trace.audit.AuditTrail;
import fr.guichet.trace.retention.service.RetentionReport;
import fr.guichet.trace.retention.service.RetentionService;
import fr.guichet.trace.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
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
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public RetentionResource(RetentionService retention, AuditTrail audit, SecurityIdentity identity) {
        this.retention = retention;
        this.audit = audit;
        this.identity = identity;
    }

    @POST
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Applique la politique de conservation des traces (purges enregistrées et scellées)")
    public RetentionReport run() {
        RetentionReport report = retention.run(Instant.now());
        audit.record(identity, "POST", "/admin/traces/retention", "trace_retention", java.util.Map.of(
                "dropped_partitions", String.join(" ", report.droppedPartitions()),
                "erased_tokens", Integer.toString(report.erasedTokens().size()),
                "purge_ids", report.purgeIds().toString()), 200);
        return report;
    }
}
