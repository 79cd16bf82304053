package fr.guichet.trace.query.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.LocalDate;

/** One line of a token's statistics: calls per day × operation × HTTP status. */
@RegisterForReflection
public record DailyCount(LocalDate day, @JsonProperty("operation_id") String operationId, int status, long count) {
}
