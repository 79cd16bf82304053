package fr.guichet.trace.query.rest;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.audit.AuditTrail;
import fr.guichet.trace.common.Periods;
import fr.guichet.trace.config.TraceConfig;
import fr.guichet.trace.error.TraceErrors;
import fr.guichet.trace.query.service.DailyCount;
import fr.guichet.trace.query.service.TraceFilter;
import fr.guichet.trace.query.service.TraceQueries;
import fr.guichet.trace.security.Roles;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A token's traces for its partner's dashboard. token-service calls these with its service
 * identity after checking ownership; admins and auditors may call them, and each of their reads is
 * recorded first ({@link AuditTrail#recordRead}); a partner session JWT sees only its own
 * organisation's tokens (another's is a 404, as an unknown one).
 */
@Path("/tokens/{jti}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PARTNER_READER, Roles.ADMIN, Roles.AUDITOR, Roles.PARTNER})
public class TokenTracesResource {

    private final TraceQueries queries;
    private final SecurityIdentity identity;
    private final TraceConfig config;
    private final AuditTrail audit;

    public TokenTracesResource(TraceQueries queries, SecurityIdentity identity, TraceConfig config, AuditTrail audit) {
        this.queries = queries;
        this.identity = identity;
        this.config = config;
        this.audit = audit;
    }

    @RegisterForReflection
    public record Page<T>(List<T> data) {
    }

    @GET
    @Path("/requests")
    @Operation(summary = "Dernières requêtes d'un jeton, de la plus récente à la plus ancienne")
    public Uni<Page<TraceEvent>> requests(@PathParam("jti") String jti, @QueryParam("limit") String limit,
                                          @QueryParam("status") String status, @QueryParam("operation") String operation,
                                          @QueryParam("from") String from, @QueryParam("to") String to) {
        int n = QueryParams.limit(limit, 50, config.export().maxSearchLimit());
        Instant end = Periods.to(to, null);
        Instant start = Periods.from(from, null);
        if (start != null && end != null) {
            Periods.checkOrder(start, end);
        }
        TraceFilter filter = new TraceFilter(null, jti, null, null, null, QueryParams.status(status),
                blankToNull(operation), start, end)
                .apiCallsOnly();
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("token", jti);
        criteria.put("limit", Integer.toString(n));
        criteria.put("status", filter.status() == null ? null : filter.status().toString());
        criteria.put("operation", filter.operation());
        criteria.put("from", start == null ? null : start.toString());
        criteria.put("to", end == null ? null : end.toString());
        return owned(jti)
                .chain(() -> audit.recordRead(identity, "/tokens/" + jti + "/requests", "token_requests_read", criteria))
                .chain(() -> queries.search(filter, n)).map(Page::new);
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Statistiques d'un jeton par jour, opération et statut HTTP")
    public Uni<Page<DailyCount>> stats(@PathParam("jti") String jti, @QueryParam("from") String from,
                                       @QueryParam("to") String to) {
        Instant now = Instant.now();
        Instant end = Periods.to(to, now);
        Instant start = Periods.from(from, end.minus(30, ChronoUnit.DAYS));
        Periods.checkOrder(start, end);
        LocalDate first = start.atOffset(ZoneOffset.UTC).toLocalDate();
        // to is exclusive: the last day is the one holding the instant just before it
        LocalDate last = end.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("token", jti);
        criteria.put("from", start.toString());
        criteria.put("to", end.toString());
        return owned(jti)
                .chain(() -> audit.recordRead(identity, "/tokens/" + jti + "/stats", "token_stats_read", criteria))
                .chain(() -> queries.stats(jti, first, last)).map(Page::new);
    }

    /** Partners see their own organisation's tokens only. */
    private Uni<Void> owned(String jti) {
        if (identity.hasRole(Roles.PARTNER_READER) || identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.AUDITOR)) {
            return Uni.createFrom().voidItem();
        }
        String siret = identity.getPrincipal() instanceof JsonWebToken jwt ? jwt.getClaim("siret") : null;
        return queries.tokenOwner(jti).map(owner -> {
            if (siret == null || owner.isEmpty() || !siret.equals(owner.get())) {
                throw TraceErrors.notFound("Aucun jeton " + jti + " n'appartient à votre organisation");
            }
            return null;
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
