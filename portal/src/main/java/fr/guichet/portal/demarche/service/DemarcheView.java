package fr.guichet.portal.demarche.service;

import java.time.LocalDate;
import java.util.List;

/**
 * A démarche (habilitation) as the pages show it.
 *
 * @param rateLimitPerMinute the quota, in calls per minute
 * @param expiresOn          the end of its latest active token (Paris date), null without one
 * @param daysLeft           days from today to {@code expiresOn}, null without one
 * @param renewalDue         whether the renewal prompt shows: {@value DemarcheService#RENEWAL_NOTICE_DAYS} days or fewer left
 */
public record DemarcheView(String id, String intitule, String apiKind, String status, String statusLabel,
                           String statusBadge, String legalBasis, List<String> scopes, int rateLimitPerMinute,
                           String environment, ContactsView contacts, List<TokenView> tokens, LocalDate expiresOn,
                           Long daysLeft, boolean renewalDue) {

    /** The API's name in French. */
    public String apiLabel() {
        return "particulier".equals(apiKind) ? "API Particulier" : "API Entreprise";
    }

    /** The token the statistics and last requests default to: the newest active one, else the newest. */
    public TokenView mainToken() {
        return tokens.stream().filter(TokenView::active).findFirst().orElse(tokens.isEmpty() ? null : tokens.get(0));
    }

    /** The contacts of a démarche: e-mails and phones (null when absent). */
    public record ContactsView(String demandeurEmail, String demandeurPhone, String techniqueEmail,
                               String techniquePhone, String metierEmail, String metierPhone) {
    }

    /** An API token, never its value. */
    public record TokenView(String jti, String status, String statusLabel, LocalDate issuedOn, LocalDate endsOn,
                            Long daysLeft, boolean retrievable) {
        public boolean active() {
            return "active".equals(status);
        }
    }

    /**
     * An OAuth2 client of the démarche (client credentials grant), never its secret.
     *
     * @param revokedOn Paris date of its revocation, null while active
     */
    public record OAuthClientView(String clientId, String status, String statusLabel, LocalDate createdOn,
                                  LocalDate revokedOn) {
    }
}
