package fr.guichet.token.change.repository;

import fr.guichet.token.config.CommaListConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A technical change announced to partners: what changes, which APIs ({@code entreprise},
 * {@code particulier}) and operations (declaration ids) it affects, and when it goes into
 * production. Table {@code planned_changes} (migration {@code V5__change_notices.sql}).
 */
@Entity
@Table(name = "planned_changes")
public class PlannedChange extends PanacheEntityBase {

    @Id
    public UUID id;

    public String title;

    public String description;

    /** Whole API families affected (api kinds as on the wire). */
    @Convert(converter = CommaListConverter.class)
    public List<String> apis;

    /** Operations affected, by declaration id. */
    @Convert(converter = CommaListConverter.class)
    public List<String> operations;

    /** Day the change goes into production (Paris). */
    @Column(name = "production_date")
    public LocalDate productionDate;

    /** An emergency change: the ENSU operations' shorter notice applies. */
    public boolean urgent;

    /** Earliest production date the notice periods allowed when it was announced. */
    @Column(name = "earliest_date")
    public LocalDate earliestDate;

    @Column(name = "announced_at")
    public Instant announcedAt;

    /** Subject of the admin session that announced it. */
    @Column(name = "announced_by")
    public String announcedBy;
}
