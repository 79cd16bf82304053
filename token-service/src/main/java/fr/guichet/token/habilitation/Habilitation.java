package fr.guichet.token.habilitation;

import fr.guichet.token.config.CommaListConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An organisation's authorisation to call Guichet for one procedure (démarche). */
@Entity
@Table(name = "habilitations")
public class Habilitation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(name = "api_kind")
    public String apiKind;

    public String intitule;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Convert(converter = CommaListConverter.class)
    public List<String> scopes;

    public String status;

    @Column(name = "status_reason")
    public String statusReason;

    @Convert(converter = ContactsConverter.class)
    public Contacts contacts;

    @Column(name = "contacts_erased_at")
    public Instant contactsErasedAt;

    @Column(name = "rate_limit_per_minute")
    public int rateLimitPerMinute;

    @Convert(converter = CommaListConverter.class)
    @Column(name = "allowed_ips")
    public List<String> allowedIps;

    public String environment;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "validated_at")
    public Instant validatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** The partner's FranceConnect client id bound to this habilitation (unique), or null. */
    @Column(name = "franceconnect_client_id")
    public String franceconnectClientId;

    /**
     * The periods the habilitation opens per scope ({@code fr.guichet.token.period}), or null: no
     * restriction. Written into its tokens' state copies.
     */
    @Convert(converter = fr.guichet.token.period.PeriodsConverter.class)
    public java.util.Map<String, fr.guichet.token.period.OpenPeriod> periods;

    /** Why the habilitation is suspended for the routes that require a security proof ({@code security_proof}), or null. */
    public String suspended;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    /** Last day of validity of the current security proof (inclusive), or null when none was recorded. */
    @Column(name = "security_proof_valid_until")
    public LocalDate securityProofValidUntil;

    /** When the retention job erased the habilitation's own data (its API family's retention), or null. */
    @Column(name = "data_erased_at")
    public Instant dataErasedAt;

    /** Calls a day the partner expects when it asked for the démarche (its request), or null. */
    @Column(name = "expected_volume_per_day")
    public Integer expectedVolumePerDay;

    /** Who receives the data, in the partner's words (its request), or null. */
    public String recipients;

    /** When the partner accepted the terms of use in its request; null for a habilitation created by an operator. */
    @Column(name = "terms_accepted_at")
    public Instant termsAcceptedAt;

    /** The reason an operator gave when validating or refusing, or null. */
    @Column(name = "decision_reason")
    public String decisionReason;

    /** When an operator validated or refused, or null. */
    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The subject of the session that validated or refused (audit subject), or null. */
    @Column(name = "decided_by")
    public String decidedBy;

    public HabilitationStatus status() {
        return HabilitationStatus.fromWire(status);
    }

    public static Uni<List<Habilitation>> listByOrganisation(UUID organisationId) {
        return list("organisationId = ?1 order by createdAt", organisationId);
    }
}
