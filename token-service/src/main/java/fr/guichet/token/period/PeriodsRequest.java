package fr.guichet.token.period;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * Body of {@code PUT /admin/habilitations/{id}/periods}: every restricted scope of the habilitation
 * with the period it opens (the whole set is replaced; {@code {}} lifts every restriction), and an
 * optional reason kept in the audit trail.
 */
@RegisterForReflection
public record PeriodsRequest(Map<String, OpenPeriod> periods, String reason) {
}
