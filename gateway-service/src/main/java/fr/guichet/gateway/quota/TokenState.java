package fr.guichet.gateway.quota;

import java.util.List;
import java.util.Set;

/** The token state copy token-service keeps in Redis ({@code guichet:token:{jti}}). */
public record TokenState(String status, long exp, Set<String> scopes, List<String> allowedIps,
                         int rateLimitPerMinute, String habilitationId, String siret, String apiKind) {

    public boolean revoked() {
        return !"active".equals(status);
    }

    /** True once the state's {@code exp} (epoch seconds) is reached; 0 means no end recorded. */
    public boolean expired(long nowMillis) {
        return exp > 0 && exp * 1000 <= nowMillis;
    }
}
