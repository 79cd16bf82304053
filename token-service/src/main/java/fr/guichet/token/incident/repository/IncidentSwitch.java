package fr.guichet.token.incident.repository;

import fr.guichet.token.config.CommaListConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * The stored incident switch: a single row ({@link #ID}), absent until an operator first sets it.
 * Table {@code incident_switch} (migration {@code V2__incident_switch.sql}).
 */
@Entity
@Table(name = "incident_switch")
public class IncidentSwitch extends PanacheEntityBase {

    /** The only row's key. */
    public static final short ID = 1;

    @Id
    public Short id;

    @Column(name = "data_plane_cut")
    public boolean dataPlaneCut;

    /** Provider keys whose calls are cut (keys of {@code services.yml}'s providers). */
    @Column(name = "cut_providers")
    @Convert(converter = CommaListConverter.class)
    public List<String> cutProviders;

    /** Seconds announced to callers ({@code meta.retry_in}, {@code Retry-After}). */
    @Column(name = "retry_in")
    public int retryIn;

    public String reason;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Subject of the admin session that set it. */
    @Column(name = "updated_by")
    public String updatedBy;

    /** The stored row, or null when the switch was never set. */
    public static Uni<IncidentSwitch> current() {
        return findById(ID);
    }
}
