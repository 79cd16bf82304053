package fr.guichet.registers.upstream;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;

/**
 * The three registers this module asks, each with API Entreprise's error prefix and
 * {@code meta.provider} (the reference implementation's {@code provider_name}), and its name in
 * the kit's upstream settings ({@code guichet.upstream.<name>.*}).
 */
public enum RegisterUpstream {

    /** Infogreffe's SOAP web service of the RCS: errors 02xxx. */
    INFOGREFFE("infogreffe", ProviderPrefix.INFOGREFFE, "Infogreffe"),
    /** INPI's RNE API (registre-national-entreprises.inpi.fr): errors 34xxx. */
    INPI_RNE("inpi-rne", ProviderPrefix.INPI_RNE, "INPI - RNE"),
    /** CMA France's RNM API: errors 15xxx. */
    CMA_FRANCE("cma-france", ProviderPrefix.CMA_FRANCE, "CMA France");

    /** API Entreprise's wording of a 404 on a SIREN (its sandbox cases and NotFoundError). */
    static final String NOT_FOUND_DETAIL =
            "Le siren indiqué n'existe pas, n'est pas connu ou ne comporte aucune information pour cet appel.";

    private final String upstreamName;
    private final ProviderPrefix prefix;
    private final String providerName;

    RegisterUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.upstreamName = upstreamName;
        this.prefix = prefix;
        this.providerName = providerName;
    }

    /** The kit's upstream name: settings key and metric tag. */
    public String upstreamName() {
        return upstreamName;
    }

    public String providerName() {
        return providerName;
    }

    /** A generic provider error of errors.yml ({@code 001}, {@code 999}...) with {@code meta.provider}. */
    public ApiError error(String subcode) {
        return ErrorCatalogue.standard().providerError(prefix, subcode).withMeta("provider", providerName);
    }

    /** {@link #error(String)} as the answer of the call, with its HTTP status. */
    public ApiException failure(int status, String subcode) {
        return new ApiException(status, error(subcode));
    }

    /** 404 {@code XX003}: the register knows nothing of this SIREN. */
    public ApiException notFound() {
        return new ApiException(404, notFoundError());
    }

    /** The 404 {@code XX003} error, for callers that add to its {@code meta}. */
    public ApiError notFoundError() {
        ApiError base = error("003");
        return new ApiError(base.code(), "Entité non trouvée", NOT_FOUND_DETAIL, null, base.meta());
    }

    /** 502 {@code XX999}: an answer of the register this adapter cannot read (the reference's ProviderUnknownError). */
    public ApiException unknownAnswer() {
        return failure(502, "999");
    }
}
