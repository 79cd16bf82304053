package fr.guichet.token.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Local record of an admin (or system) action: who, what, when, why. */
@Entity
@Table(name = "admin_audit_events")
public class AdminAuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    public String action;

    @Column(name = "target_type")
    public String targetType;

    @Column(name = "target_id")
    public String targetId;

    public String reason;

    /** JSON object of extra facts (e.g. new token jti). */
    public String details;
}
