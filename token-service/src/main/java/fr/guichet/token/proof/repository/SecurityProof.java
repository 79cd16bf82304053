package fr.guichet.token.proof.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One security proof recorded for a habilitation (table {@code security_proofs}); every one is
 * kept, the habilitation's current proof is the one recorded last.
 */
@Entity
@Table(name = "security_proofs")
public class SecurityProof extends PanacheEntityBase {

    /** A security homologation (RGS), whose end of validity is given by its decision. */
    public static final String HOMOLOGATION = "homologation";
    /** A security questionnaire, valid for a fixed time after its date. */
    public static final String QUESTIONNAIRE = "questionnaire";

    @Id
    public UUID id;

    @Column(name = "habilitation_id")
    public UUID habilitationId;

    public String kind;

    public String reference;

    @Column(name = "proof_date")
    public LocalDate proofDate;

    /** Last day of validity, inclusive. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The habilitation's proofs, newest recorded first. */
    public static Uni<List<SecurityProof>> history(UUID habilitationId) {
        return list("habilitationId = ?1 order by recordedAt desc, id desc", habilitationId);
    }
}
