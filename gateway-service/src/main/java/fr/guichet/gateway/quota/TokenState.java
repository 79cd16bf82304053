package fr.guichet.gateway.quota;

import fr.guichet.gateway.period.PeriodRights;
import java.util.List;
import java.util.Set;

/**
 * The token state copy token-service keeps in Redis ({@code guichet:token:{jti}}).
 *
 * @param periods the periods the habilitation opens per scope ({@link PeriodRights#NONE}: no restriction)
 * @param suspended {@code security_proof} while the habilitation's security proof has ended (routes
 *        requiring one are refused, 403 {@code 00108}); null when not suspended or absent (older copies)
 */
public record TokenState(String status, long exp, Set<String> scopes, List<String> allowedIps,
                         int rateLimitPerMinute, String habilitationId, String siret, String apiKind,
                         PeriodRights periods, String suspended) {

    public TokenState {
        periods = periods == null ? PeriodRights.NONE : periods;
    }

    /** A state without period restriction nor suspension. */
    public TokenState(String status, long exp, Set<String> scopes, List<String> allowedIps,
                      int rateLimitPerMinute, String habilitationId, String siret, String apiKind) {
        this(status, exp, scopes, allowedIps, rateLimitPerMinute, habilitationId, siret, apiKind, PeriodRights.NONE, null);
    }

    public boolean revoked() {
        return !"active".equals(status);
    }

    /** True once the state's {@code exp} (epoch seconds) is reached; 0 means no end recorded. */
    public boolean expired(long nowMillis) {
        return exp > 0 && exp * 1000 <= nowMillis;
    }
}
