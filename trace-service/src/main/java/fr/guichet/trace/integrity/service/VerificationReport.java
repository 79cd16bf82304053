package fr.guichet.trace.integrity.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/** Outcome of a verification of the trace log over a period. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(
        Instant from,
        Instant to,
        boolean ok,
        @JsonProperty("months_verified") List<String> monthsVerified,
        @JsonProperty("months_purged") List<String> monthsPurged,
        @JsonProperty("batches_checked") long batchesChecked,
        @JsonProperty("events_checked") long eventsChecked,
        @JsonProperty("events_erased") long eventsErased,
        @JsonProperty("seals_checked") long sealsChecked,
        @JsonProperty("purges_checked") long purgesChecked,
        @JsonProperty("unsealed_batches") long unsealedBatches,
        @JsonProperty("problem_count") long problemCount,
        @JsonProperty("first_problem") Problem firstProblem,
        List<Problem> problems) {

    /** One finding. {@code type}: altered, inserted, missing, batch_missing, batch_altered, chain_broken,
     * seal_invalid, seal_mismatch, purge_invalid. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String type, String month, @JsonProperty("batch_seq") Long batchSeq,
                          @JsonProperty("event_id") String eventId, Instant timestamp, String detail) {
    }
}
