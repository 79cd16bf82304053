package fr.guichet.token.audit;

import java.util.Map;

/**
 * Who did what to which object, and why. Optional context (habilitation, token, partner SIRET,
 * API kind) is copied into the admin trace sent to trace-service.
 */
public record AdminAction(String actor, String action, String targetType, String targetId, String reason,
                          String habilitationId, String tokenJti, String partnerSiret, String apiKind,
                          Map<String, String> details) {

    public static AdminAction of(String actor, String action, String targetType, String targetId, String reason) {
        return new AdminAction(actor, action, targetType, targetId, reason, null, null, null, null, Map.of());
    }

    public AdminAction withContext(String habilitationId, String tokenJti, String partnerSiret, String apiKind) {
        return new AdminAction(actor, action, targetType, targetId, reason, habilitationId, tokenJti, partnerSiret,
                apiKind, details);
    }

    public AdminAction withDetails(Map<String, String> more) {
        return new AdminAction(actor, action, targetType, targetId, reason, habilitationId, tokenJti, partnerSiret,
                apiKind, more);
    }
}
