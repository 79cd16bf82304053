package fr.guichet.gateway.quota;

import java.util.List;
import java.util.Set;

/** The token state copy token-service keeps in Redis ({@code guichet:token:{jti}}). */
public record TokenState(String status, long exp, Set<String> scopes, List<String> allowedIps,
                         int rateLimitPerMinute, String habilitationId, String siret, String apiKind) {

    public boolean revoked() {
        return !"active".equals(status);
    }
}
