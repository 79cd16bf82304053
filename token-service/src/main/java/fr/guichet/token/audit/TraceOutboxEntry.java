package fr.guichet.token.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An admin trace (TraceEvent JSON) waiting for trace-service; id = the event id (idempotent ingestion). */
@Entity
@Table(name = "trace_outbox")
public class TraceOutboxEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public String event;

    @Column(name = "created_at")
    public Instant createdAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
