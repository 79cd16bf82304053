package fr.guichet.token.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import fr.guichet.token.period.OpenPeriod;
import fr.guichet.token.period.PeriodsConverter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway needs to know about a token, beside its signature: the Redis hash
 * {@code guichet:token:{jti}} and the body of {@code GET /internal/tokens/{jti}}.
 *
 * @param periods the periods the habilitation opens per scope (null or empty: no restriction)
 * @param suspended {@value #SUSPENDED_SECURITY_PROOF} while the habilitation's security proof has
 *        ended (the gateway refuses the routes that require one), absent otherwise
 */
@RegisterForReflection
public record TokenState(
        String jti,
        String status,
        long exp,
        List<String> scopes,
        @JsonProperty("allowed_ips") List<String> allowedIps,
        @JsonProperty("rate_limit_per_minute") int rateLimitPerMinute,
        @JsonProperty("habilitation_id") String habilitationId,
        String siret,
        @JsonProperty("api_kind") String apiKind,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, OpenPeriod> periods,
        @JsonInclude(JsonInclude.Include.NON_NULL) String suspended) {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";
    /** {@link #suspended()} of a habilitation whose security proof has ended. */
    public static final String SUSPENDED_SECURITY_PROOF = "security_proof";

    /** A state without period restriction nor suspension. */
    public TokenState(String jti, String status, long exp, List<String> scopes, List<String> allowedIps,
                      int rateLimitPerMinute, String habilitationId, String siret, String apiKind) {
        this(jti, status, exp, scopes, allowedIps, rateLimitPerMinute, habilitationId, siret, apiKind, null, null);
    }

    /**
     * Hash fields of the Redis copy (lists comma-separated, empty allow-list = any IP). {@code periods}
     * is always written, empty when there is no restriction, so that lifting one overwrites the field.
     */
    public Map<String, String> hashFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("exp", Long.toString(exp));
        fields.put("scopes", String.join(",", scopes));
        fields.put("allowed_ips", String.join(",", allowedIps));
        fields.put("rate_limit_per_minute", Integer.toString(rateLimitPerMinute));
        fields.put("habilitation_id", habilitationId);
        fields.put("siret", siret);
        fields.put("api_kind", apiKind);
        fields.put("periods", periods == null || periods.isEmpty() ? "" : PeriodsConverter.json(periods));
        // Always written, empty when not suspended: the rewrite that lifts a suspension must clear it.
        fields.put("suspended", suspended == null ? "" : suspended);
        return fields;
    }
}
