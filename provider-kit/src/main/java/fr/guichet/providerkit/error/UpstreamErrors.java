package fr.guichet.providerkit.error;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.upstream.UpstreamFailure;

/**
 * The API Entreprise error of an upstream that did not answer as it should, for every upstream
 * of a provider on the kit, as API Entreprise's own adapters classify them (MakeRequest and the
 * controllers' status table of datagouv/apistration): a timeout is 504 {@code XX002}; a refused,
 * reset or unreachable connection, an open circuit or a full bulkhead, and an upstream 502/503
 * answer are 502 {@code XX001}; an unknown host 502 {@code XX004}; a TLS failure 502
 * {@code XX009}; any other answer we cannot use 502 {@code XX999}. Each carries
 * {@code meta.provider}.
 */
public final class UpstreamErrors {

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();

    private UpstreamErrors() {
    }

    /** The error of a call that got no answer. */
    public static ApiException of(UpstreamFailure failure, ProviderPrefix prefix, String providerName) {
        return switch (failure.kind()) {
            case TIMEOUT, CONNECT_TIMEOUT -> error(504, prefix, "002", providerName);
            case DNS -> error(502, prefix, "004", providerName);
            case TLS -> error(502, prefix, "009", providerName);
            case UNREACHABLE, CIRCUIT_OPEN, BULKHEAD_FULL -> error(502, prefix, "001", providerName);
        };
    }

    /** The error of an answer whose HTTP status means neither data nor "not found". */
    public static ApiException ofStatus(int status, ProviderPrefix prefix, String providerName) {
        return switch (status) {
            case 502, 503 -> error(502, prefix, "001", providerName);
            case 504 -> error(504, prefix, "002", providerName);
            default -> unknownAnswer(prefix, providerName);
        };
    }

    /** 502 {@code XX008}: the upstream says we send too many requests. */
    public static ApiException rateLimited(ProviderPrefix prefix, String providerName) {
        return error(502, prefix, "008", providerName);
    }

    /** 502 {@code XX001}: the upstream says it cannot answer now. */
    public static ApiException unavailable(ProviderPrefix prefix, String providerName) {
        return error(502, prefix, "001", providerName);
    }

    /** 502 {@code XX999}: an answer we cannot read or do not expect. */
    public static ApiException unknownAnswer(ProviderPrefix prefix, String providerName) {
        return error(502, prefix, "999", providerName);
    }

    private static ApiException error(int status, ProviderPrefix prefix, String subcode, String providerName) {
        return new ApiException(status, CATALOGUE.providerError(prefix, subcode).withMeta("provider", providerName));
    }
}
