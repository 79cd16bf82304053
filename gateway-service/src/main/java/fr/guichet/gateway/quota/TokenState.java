package fr.guichet.gateway.quota;

import fr.guichet.gateway.period.PeriodRights;
import java.util.List;
import java.util.Set;

/**
 * The token state copy token-service keeps in Redis ({@code guichet:token:{jti}}).
 *
 * @param periods the periods the habilitation opens per scope ({@link PeriodRights#NONE}: no restriction)
 */
public record TokenState(String status, long exp, Set<String> scopes, List<String> allowedIps,
                         int rateLimitPerMinute, String habilitationId, String siret, String apiKind,
                         PeriodRights periods) {

    public TokenState {
        periods = periods == null ? PeriodRights.NONE : periods;
    }

    /** A state without period restriction. */
    public TokenState(String status, long exp, Set<String> scopes, List<String> allowedIps,
                      int rateLimitPerMinute, String habilitationId, String siret, String apiKind) {
        this(status, exp, scopes, allowedIps, rateLimitPerMinute, habilitationId, siret, apiKind, PeriodRights.NONE);
    }

    public boolean revoked() {
        return !"active".equals(status);
    }

    /** True once the state's {@code exp} (epoch seconds) is reached; 0 means no end recorded. */
    public boolean expired(long nowMillis) {
        return exp > 0 && exp * 1000 <= nowMillis;
    }
}
