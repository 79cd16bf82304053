package fr.guichet.token.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.token.time.TimeSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Records admin actions. Must run inside the action's transaction: the audit row and the outbox
 * row commit with the change or not at all, so no action is ever left untraced.
 */
@ApplicationScoped
public class AuditService {

    /** Operation id of admin traces: {@code token_service_admin_<action>}. */
    public static final String OPERATION_PREFIX = "token_service_admin_";

    private static final Logger LOG = Logger.getLogger(AuditService.class);

    @Inject
    ObjectMapper mapper;

    @Inject
    TimeSource time;

    /**
     * Writes the audit row and the outbox row of {@code action}, and one INFO line saying who did
     * what on which object (ids only: never a token value, a secret or the free-text reason).
     */
    public Uni<Void> record(AdminAction action) {
        Instant now = time.now();
        LOG.infof("Admin action %s by %s on %s %s", action.action(), action.actor(), action.targetType(), action.targetId());
        UUID id = UuidV7.at(now.toEpochMilli());
        AdminAuditEvent event = new AdminAuditEvent();
        event.id = id;
        event.occurredAt = now;
        event.actor = action.actor();
        event.action = action.action();
        event.targetType = action.targetType();
        event.targetId = action.targetId();
        event.reason = action.reason();
        TraceOutboxEntry outbox = new TraceOutboxEntry();
        outbox.id = id;
        outbox.createdAt = now;
        try {
            event.details = action.details().isEmpty() ? null : mapper.writeValueAsString(action.details());
            outbox.event = mapper.writeValueAsString(trace(id, now, action));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return event.persist().chain(() -> outbox.persist()).replaceWithVoid();
    }

    private TraceEvent trace(UUID id, Instant now, AdminAction a) {
        return new TraceEvent(id, now, TraceEvent.Kind.ADMIN_ACTION, null, a.tokenJti(), a.habilitationId(),
                a.partnerSiret(), a.apiKind(), null, OPERATION_PREFIX + a.action(),
                "/" + a.targetType() + "/" + a.targetId(), a.details().isEmpty() ? null : a.details(),
                null, null, 200, null, null, null, a.actor(), a.action(), a.reason());
    }
}
