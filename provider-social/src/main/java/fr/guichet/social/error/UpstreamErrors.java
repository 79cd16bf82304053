package fr.guichet.social.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.operation.OperationDeclaration;
import fr.guichet.providerkit.error.ProviderErrors;
import fr.guichet.providerkit.upstream.UpstreamFailure;

/**
 * API Entreprise errors of the upstreams of provider-social, under the prefix and
 * {@code meta.provider} of the operation's declaration (MSA 10, PROBTP 09, CIBTP 38, CNETP 08,
 * FABRIQUE_NUMERIQUE 14). The families are those of the reference implementation's generic
 * provider errors: 502 {@code XX000} (internal error of the upstream), 503 {@code XX001}
 * (unavailable), 504 {@code XX002} (timeout), 404 {@code XX003}, 502 {@code XX004} (DNS),
 * 503 {@code XX020} (maintenance), 502 {@code XX009} (TLS), 502 {@code XX999} (unknown answer).
 */
public final class UpstreamErrors {

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();

    private UpstreamErrors() {
    }

    /** A generic provider error of errors.yml ({@code subcode} 000, 001...) with {@code meta.provider}. */
    public static ApiException failure(OperationDeclaration operation, int status, String subcode) {
        ApiError error = CATALOGUE.providerError(operation.errorPrefix(), subcode).withMeta("provider", operation.providerName());
        return new ApiException(status, error);
    }

    /** As {@link #failure(OperationDeclaration, int, String)}, with the upstream's own words as detail. */
    public static ApiException failure(OperationDeclaration operation, int status, String subcode, String detail) {
        ApiError error = CATALOGUE.providerError(operation.errorPrefix(), subcode).withDetail(detail)
                .withMeta("provider", operation.providerName());
        return new ApiException(status, error);
    }

    /** 404 {@code XX003}: the upstream does not know the entity. */
    public static ApiException notFound(OperationDeclaration operation) {
        return ProviderErrors.notFound(operation.errorPrefix(), operation.providerName());
    }

    /** 502 {@code XX999}: an answer nobody foresaw (status, body); logged by the caller. */
    public static ApiException unknownAnswer(OperationDeclaration operation) {
        return failure(operation, 502, "999");
    }

    /** 502 {@code XX000}: the upstream says it failed (HTTP 500...). */
    public static ApiException internalError(OperationDeclaration operation) {
        return failure(operation, 502, "000");
    }

    /**
     * The HTTP statuses every upstream means alike, before the operation reads the answer
     * (reference implementation's {@code MakeRequest}): 502 and 503 = unavailable (503
     * {@code XX001}), 504 = timeout (504 {@code XX002}); else nothing.
     */
    public static void checkGatewayStatus(OperationDeclaration operation, int status) {
        if (status == 502 || status == 503) {
            throw failure(operation, 503, "001");
        }
        if (status == 504) {
            throw failure(operation, 504, "002");
        }
    }

    /** A call without an answer ({@link UpstreamFailure.Kind}) as the reference implementation answers it. */
    public static ApiException of(OperationDeclaration operation, UpstreamFailure failure) {
        return switch (failure.kind()) {
            case TIMEOUT, CONNECT_TIMEOUT -> failure(operation, 504, "002");
            case UNREACHABLE, CIRCUIT_OPEN, BULKHEAD_FULL -> failure(operation, 503, "001");
            case DNS -> failure(operation, 502, "004");
            case TLS -> failure(operation, 502, "009");
        };
    }
}
