package fr.guichet.insee.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.error.ProviderErrors;

/**
 * The API Entreprise errors provider-insee answers, with the HTTP statuses the official OpenAPI
 * gives them on the INSEE routes ({@code meta.provider = "INSEE"}).
 */
public final class InseeErrors {

    public static final String PROVIDER = "INSEE";

    private InseeErrors() {
    }

    /** 404 01003, worded as the OpenAPI's {@code entite_non_trouvee_01003} example. */
    public static ApiException notFound() {
        return ProviderErrors.notFound(ProviderPrefix.INSEE, PROVIDER);
    }

    /** 451 01005: INSEE refuses to release the entity to anyone. */
    public static ApiException legallyUnavailable() {
        return provider(451, "005");
    }

    /** 504 01002: INSEE did not answer in time. */
    public static ApiException timeout() {
        return provider(504, "002");
    }

    /** 504 01001: INSEE unreachable or in maintenance. */
    public static ApiException unavailable() {
        return provider(504, "001");
    }

    /** 504 01004: INSEE's host name does not resolve. */
    public static ApiException dnsFailure() {
        return provider(504, "004");
    }

    /** 502 01000: INSEE answered with an internal error. */
    public static ApiException internalError() {
        return provider(502, "000");
    }

    /** 502 01006: INSEE refused Guichet's credentials. */
    public static ApiException authenticationFailure() {
        return provider(502, "006");
    }

    /** 502 01008: INSEE throttled Guichet; {@code retry_in} when INSEE said how long to wait. */
    public static ApiException tooManyRequests(Long retryInSeconds) {
        ApiError error = providerError("008");
        if (retryInSeconds != null) {
            error = error.withMeta("retry_in", retryInSeconds);
        }
        return new ApiException(502, error);
    }

    /** 502 01999: an answer Guichet does not understand. */
    public static ApiException unknownAnswer() {
        return provider(502, "999");
    }

    private static ApiException provider(int status, String subcode) {
        return new ApiException(status, providerError(subcode));
    }

    private static ApiError providerError(String subcode) {
        return ErrorCatalogue.standard().providerError(ProviderPrefix.INSEE, subcode).withMeta("provider", PROVIDER);
    }
}
