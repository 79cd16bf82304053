package fr.guichet.gateway.franceconnect;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import java.util.List;

/**
 * FranceConnect's errors (errors.yml "FranceConnect", prefix 51), with the title the reference
 * gives its invalid-token errors ({@code InvalidFranceConnectAccessTokenError}: "Accès non autorisé").
 */
final class FranceConnectErrors {

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();
    static final String TITLE = "Accès non autorisé";

    private FranceConnectErrors() {
    }

    /** 401 {@code 50001}: not a FranceConnect access token (charset, length), or FranceConnect says {@code invalid_request}. */
    static ApiException malformed() {
        return unauthorized("50001");
    }

    /** 401 {@code 50002}: unknown, inactive or expired token, or one whose client is bound to no habilitation. */
    static ApiException notFoundOrExpired() {
        return unauthorized("50002");
    }

    /** 401 {@code 50003}: the token does not carry the identity the call needs (scopes listed, never values). */
    static ApiException missingIdentity(List<String> scopes) {
        ApiError error = withTitle(CATALOGUE.error("50003"));
        return new ApiException(401, error.withDetail(error.detail() + " Le jeton possède les scopes suivants : "
                + String.join(", ", scopes) + "."));
    }

    /** 502 {@code 51999}: an answer of FranceConnect the platform cannot read or trust. */
    static ApiException unexpected() {
        return new ApiException(502, CATALOGUE.providerError(ProviderPrefix.FRANCE_CONNECT, "999"));
    }

    /** 504 {@code 51002}: FranceConnect did not answer in time, or could not be reached. */
    static ApiException timeout() {
        return new ApiException(504, CATALOGUE.providerError(ProviderPrefix.FRANCE_CONNECT, "002"));
    }

    /** 503 {@code 51001}: the circuit breaker is open after repeated transport failures. */
    static ApiException unavailable() {
        return new ApiException(503, CATALOGUE.providerError(ProviderPrefix.FRANCE_CONNECT, "001"));
    }

    private static ApiException unauthorized(String code) {
        return new ApiException(401, withTitle(CATALOGUE.error(code)));
    }

    private static ApiError withTitle(ApiError error) {
        return new ApiError(error.code(), error.title() == null ? TITLE : error.title(), error.detail(), error.source(), error.meta());
    }
}
