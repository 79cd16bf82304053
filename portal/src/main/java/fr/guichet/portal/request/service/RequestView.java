package fr.guichet.portal.request.service;

import java.time.LocalDate;
import java.util.List;

/**
 * One request for a new démarche as the partner follows it on {@code /demarches} ({@code #requests}).
 *
 * @param status         {@code submitted}, {@code validated}, {@code refused} (token-service's wire value)
 * @param decisionReason the operator's reason, shown when refused; null otherwise
 * @param decidedOn      the day of the decision (Paris), or null while in instruction
 */
public record RequestView(String id, String intitule, String apiLabel, List<String> scopes, String status,
                          String statusLabel, String statusBadge, LocalDate submittedOn, LocalDate decidedOn,
                          String decisionReason) {

    /** Whether the request was refused (its reason is then shown). */
    public boolean refused() {
        return "refused".equals(status);
    }
}
