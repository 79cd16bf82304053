package fr.guichet.education.upstream;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;

/**
 * The administrations this adapter calls: the kit's upstream name (settings
 * {@code guichet.upstream.<name>.*}), the error prefix of API Particulier's table and the
 * {@code meta.provider} of their errors (as in education.yml).
 */
public enum EducationUpstream {
    MESRI("mesri", ProviderPrefix.MESRI, "MESRI"),
    CNOUS("cnous", ProviderPrefix.CNOUS, "CNOUS"),
    MEN("men", ProviderPrefix.MEN, "MEN");

    private final String upstreamName;
    private final ProviderPrefix prefix;
    private final String providerName;

    EducationUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.upstreamName = upstreamName;
        this.prefix = prefix;
        this.providerName = providerName;
    }

    /** The kit's name of this upstream: its settings key and metric tag. */
    public String upstreamName() {
        return upstreamName;
    }

    public ProviderPrefix prefix() {
        return prefix;
    }

    public String providerName() {
        return providerName;
    }

    /** A generic provider error of errors.yml ({@code subcode} 000, 001, 003...) with {@code meta.provider}. */
    public ApiError error(String subcode) {
        return ErrorCatalogue.standard().providerError(prefix, subcode).withMeta("provider", providerName);
    }

    public ApiException failure(int status, String subcode) {
        return new ApiException(status, error(subcode));
    }

    /**
     * 404 {@code XX003} "Entité non trouvée" with the reference's detail for this search
     * ({@code who} was not found) followed by its advice on the API's scope, as the sandbox cases word it.
     */
    public ApiException notFound(String detail) {
        ApiError base = error("003");
        return new ApiException(404, new ApiError(base.code(), "Entité non trouvée", detail, null, base.meta()));
    }

    /** 502 {@code XX999}: an answer the adapter cannot read or does not expect. */
    public ApiException unknownAnswer() {
        return failure(502, "999");
    }

    /**
     * The value of setting {@code guichet.education.<upstream>.<name>}.
     *
     * @throws ApiException 502 {@code XX006} when it is unset or blank
     */
    public String setting(java.util.Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank())
                .orElseThrow(() -> notConfigured("guichet.education." + upstreamName + "." + name));
    }

    /** 502 {@code XX006}: the platform holds no URL or credential for this upstream. */
    public ApiException notConfigured(String setting) {
        return new ApiException(502, error("006").withDetail(
                "Guichet n'est pas configuré pour appeler ce fournisseur (" + setting + ")."));
    }
}
