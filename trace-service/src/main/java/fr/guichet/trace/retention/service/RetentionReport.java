package fr.guichet.trace.retention.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** What one retention run purged; each purge is also in trace_purge and sealed. */
@RegisterForReflection
public record RetentionReport(
        @JsonProperty("dropped_partitions") List<String> droppedPartitions,
        @JsonProperty("dropped_rows") long droppedRows,
        @JsonProperty("erased_tokens") List<String> erasedTokens,
        @JsonProperty("erased_rows") long erasedRows,
        @JsonProperty("purge_ids") List<Long> purgeIds) {
}
