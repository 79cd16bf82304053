package fr.guichet.token.proof.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.proof.repository.SecurityProof;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * A habilitation's security proof as the admin API shows it.
 *
 * @param required  whether one of its API families requires a proof
 * @param suspended {@code security_proof} while suspended for want of a proof in force, else null
 * @param current   the proof recorded last, or null
 * @param history   every proof recorded, newest first
 */
@RegisterForReflection
public record SecurityProofView(@JsonProperty("habilitation_id") String habilitationId, boolean required,
                                List<String> families, String suspended, Proof current, List<Proof> history) {

    /** One recorded proof. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Proof(String id, String kind, String reference, String date,
                        @JsonProperty("valid_until") String validUntil,
                        @JsonProperty("recorded_at") String recordedAt,
                        @JsonProperty("recorded_by") String recordedBy) {

        public static Proof of(SecurityProof p) {
            return new Proof(p.id.toString(), p.kind, p.reference, p.proofDate.toString(), p.validUntil.toString(),
                    p.recordedAt.toString(), p.recordedBy);
        }
    }
}
