package fr.guichet.cnav.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The errors provider-cnav answers of its own, as API Particulier's reference implementation
 * answers them for CNAV's DSS exchange ({@code CNAV::ValidateResponse}): the régime that did not
 * find the allocataire gives the prefix (CNAF 23, MSA 10, CNAF & MSA 35, CNAV 37), the generic
 * failures are CNAV's ({@code 37xxx}).
 */
public final class CnavErrors {

    /** {@code meta.provider} of CNAV's own errors. */
    public static final String PROVIDER = "CNAV";

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();

    private CnavErrors() {
    }

    /** A generic provider error of errors.yml ({@code 37} + {@code subcode}) with {@code meta.provider} CNAV. */
    public static ApiException failure(int status, String subcode) {
        return new ApiException(status, CATALOGUE.providerError(ProviderPrefix.CNAV, subcode).withMeta("provider", PROVIDER));
    }

    /** 502 {@code 37999}: an answer provider-cnav cannot read or does not expect. */
    public static ApiException unknownAnswer() {
        return failure(502, "999");
    }

    /** 502 {@code 37006}: the platform holds no URL or credential for this prestation. */
    public static ApiException notConfigured(String setting) {
        return new ApiException(502, CATALOGUE.providerError(ProviderPrefix.CNAV, "006")
                .withDetail("Guichet n'est pas configuré pour appeler ce fournisseur (" + setting + ").")
                .withMeta("provider", PROVIDER));
    }

    /**
     * 404 {@code XX003} with its own title and detail, {@code meta.provider} = {@code provider}
     * (the reference's {@code NotFoundError} without the "vérifiez le périmètre" sentence).
     */
    public static ApiException notFound(ProviderPrefix prefix, String provider, String title, String detail) {
        return new ApiException(404, new ApiError(prefix.code("003"), title, detail, null, Map.of("provider", provider)));
    }

    /** 422 {@code 00355}: CNAV's identity directory (SNGI) found nobody for these civility parameters. */
    public static ApiException unidentified() {
        return new ApiException(422, CATALOGUE.error("00355"));
    }

    /**
     * 422 {@code 00366}: CNAV refused the civility parameters (its HTTP 400); its own code and message
     * go in {@code meta} ({@code provider_error_code}, {@code provider_error_message}), as the
     * reference answers, so that the partner knows which parameter to fix.
     */
    public static ApiException civilityRefused(Object providerCode, String providerMessage) {
        ApiError base = CATALOGUE.error("00366");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("provider_error_code", providerCode);
        meta.put("provider_error_message", providerMessage);
        return new ApiException(422, new ApiError(base.code(), base.title(), base.detail(), base.source(), meta));
    }
}
