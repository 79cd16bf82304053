package fr.guichet.trace.audit;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.trace.ingestion.service.IngestionService;
import fr.guichet.trace.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * trace-service's own admin actions (exports, verifications, seals, retention runs) go into the
 * trace log like any other admin action: who looked at the journals is itself on record.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String CLIENT = "trace-service";
    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final IngestionService ingestion;

    public AuditTrail(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    /**
     * Records a read of traces by an admin or an auditor (who, when, what criteria) before the
     * data is read; a partner reading its own traces, or token-service reading on its behalf after
     * its own ownership check, is not recorded here. Runs the blocking insert on a worker thread;
     * if it fails the read fails: no record, no data.
     *
     * @param action e.g. {@code trace_search}, {@code token_requests_read}, {@code token_stats_read}
     */
    public Uni<Void> recordRead(SecurityIdentity who, String path, String action, Map<String, String> criteria) {
        return recordRead(who, "GET", path, action, criteria);
    }

    /** The same, for a read asked with another method (a search whose criteria travel in a POST body). */
    public Uni<Void> recordRead(SecurityIdentity who, String method, String path, String action, Map<String, String> criteria) {
        if (!who.hasRole(Roles.ADMIN) && !who.hasRole(Roles.AUDITOR)) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> {
            record(who, method, path, action, criteria, 200);
            return (Void) null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    public void record(SecurityIdentity who, String method, String path, String action, Map<String, String> parameters,
                       int status) {
        Map<String, String> params = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (v != null) {
                params.put(k, v);
            }
        });
        Instant now = Instant.now();
        TraceEvent event = new TraceEvent(UuidV7.at(now.toEpochMilli()), now, TraceEvent.Kind.ADMIN_ACTION, null, null,
                null, null, null, method, action, path, params, null, null, status, null, null, null,
                who.isAnonymous() ? "anonymous" : who.getPrincipal().getName(), action, null);
        // no audit line, no journals: a failure here fails the request
        ingestion.store(java.util.List.of(event), CLIENT);
        LOG.infof("admin action %s by %s %s", action, event.actor(), params);
    }
}
