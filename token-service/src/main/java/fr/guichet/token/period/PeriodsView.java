package fr.guichet.token.period;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * The periods a habilitation opens: {@code {"habilitation_id": "...", "periods": {"<scope>": {...}}}};
 * a scope that is not listed is not restricted ({@code periods} empty: no restriction at all).
 */
@RegisterForReflection
public record PeriodsView(@JsonProperty("habilitation_id") String habilitationId, Map<String, OpenPeriod> periods) {
}
