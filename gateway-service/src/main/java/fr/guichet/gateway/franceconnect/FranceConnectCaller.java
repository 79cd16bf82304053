package fr.guichet.gateway.franceconnect;

import fr.guichet.gateway.auth.CallerToken;
import java.util.List;
import java.util.Map;

/**
 * A FranceConnect call admitted by {@link FranceConnectAdmission}.
 *
 * @param token        the bound habilitation's newest live API token: jti, habilitation id, SIRET,
 *                     api kind {@code particulier}, scopes = habilitation scopes ∩ FranceConnect
 *                     {@code scope} claim, end (epoch seconds)
 * @param quotaSubject {@code "fc:" + hex SHA-256 of the FranceConnect token}: the group throttle key
 *                     (the token itself is never stored, logged or traced)
 * @param identity     the end user's civility as wire-named query parameters ({@code prenoms[]},
 *                     {@code nomNaissance}, {@code anneeDateNaissance}...), in a stable order
 */
public record FranceConnectCaller(CallerToken token, String quotaSubject, Map<String, List<String>> identity) {

    /** Never the identity: a logged caller must not leak the end user's civility. */
    @Override
    public String toString() {
        return "FranceConnectCaller[habilitation=" + token.habilitationId() + ", jti=" + token.jti() + "]";
    }
}
