package fr.guichet.gateway.franceconnect;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves an end user's FranceConnect access token for a FranceConnect route. This stand-in
 * admits nobody (401 {@code 50002}) until FranceConnect's check-token is wired in this package.
 */
@ApplicationScoped
public class FranceConnectAdmission {

    /**
     * @throws ApiException 401 50001 (malformed), 401 50002 (invalid, inactive, expired, no habilitation bound),
     *                      502 51999 (unexpected FranceConnect answer), 504 51002/503 51001 (unreachable)
     */
    public FranceConnectCaller admit(String bearerToken) {
        throw new ApiException(401, ErrorCatalogue.standard().error("50002"));
    }
}
