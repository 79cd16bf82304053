package fr.guichet.trace.integrity.rest;

import fr.guichet.trace.audit.AuditTrail;
import fr.guichet.trace.common.Periods;
import fr.guichet.trace.integrity.service.ChainVerifier;
import fr.guichet.trace.integrity.service.SealService;
import fr.guichet.trace.integrity.service.VerificationReport;
import fr.guichet.trace.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Tamper evidence for operators and auditors. */
@Path("/admin/traces")
@Produces(MediaType.APPLICATION_JSON)
public class VerifyResource {

    private final ChainVerifier verifier;
    private final SealService seals;
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public VerifyResource(ChainVerifier verifier, SealService seals, AuditTrail audit, SecurityIdentity identity) {
        this.verifier = verifier;
        this.seals = seals;
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Path("/verify")
    @Blocking
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Recalcule la chaîne de hachage des traces sur une période (mois entiers) et signale la première anomalie")
    public VerificationReport verify(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant now = Instant.now();
        Instant end = Periods.to(to, now);
        Instant start = Periods.from(from, end.atOffset(ZoneOffset.UTC).minusMonths(1).toInstant());
        Periods.checkOrder(start, end);
        VerificationReport report = verifier.verify(start, end);
        audit.record(identity, "GET", "/admin/traces/verify", "trace_verify", Map.of("from", start.toString(),
                "to", end.toString(), "ok", Boolean.toString(report.ok()), "problems", Long.toString(report.problemCount())), 200);
        return report;
    }

    @POST
    @Path("/seal")
    @Blocking
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Scelle immédiatement les têtes de chaîne (en plus du sceau quotidien)")
    public Map<String, Long> seal() {
        long id = seals.sealNow();
        audit.record(identity, "POST", "/admin/traces/seal", "trace_seal", Map.of("seal_id", Long.toString(id)), 200);
        return Map.of("seal_id", id);
    }
}
