package fr.guichet.gateway.franceconnect;

import fr.guichet.gateway.auth.CallerToken;
import java.util.List;
import java.util.Map;

/**
 * A FranceConnect call admitted by {@link FranceConnectAdmission} (contract of docs/internal-contracts.md).
 *
 * @param token        the bound habilitation's current API token (jti, habilitation, SIRET, api kind
 *                     {@code particulier}, scopes = habilitation scopes ∩ FranceConnect {@code scope} claim)
 * @param quotaSubject {@code "fc:" + hex SHA-256 of the FranceConnect token}: the group throttle key
 * @param identity     the end user's civility as wire-named query parameters ({@code prenoms[]}, {@code nomNaissance}...)
 */
public record FranceConnectCaller(CallerToken token, String quotaSubject, Map<String, List<String>> identity) {

    /** Never the identity. */
    @Override
    public String toString() {
        return "FranceConnectCaller[habilitation=" + token.habilitationId() + ", jti=" + token.jti() + "]";
    }
}
