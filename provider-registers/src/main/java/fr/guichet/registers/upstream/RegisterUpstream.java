package fr.guichet.registers.upstream;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.upstream.NamedUpstream;

/**
 * The three registers this module asks, each with API Entreprise's error prefix and
 * {@code meta.provider} (the reference implementation's {@code provider_name}), and its name in
 * the kit's upstream settings ({@code guichet.upstream.<name>.*}).
 */
public enum RegisterUpstream implements NamedUpstream {

    /** Infogreffe's SOAP web service of the RCS: errors 02xxx. */
    INFOGREFFE("infogreffe", ProviderPrefix.INFOGREFFE, "Infogreffe"),
    /** INPI's RNE API (registre-national-entreprises.inpi.fr): errors 34xxx. */
    INPI_RNE("inpi-rne", ProviderPrefix.INPI_RNE, "INPI - RNE"),
    /** CMA France's RNM API: errors 15xxx. */
    CMA_FRANCE("cma-france", ProviderPrefix.CMA_FRANCE, "CMA France");

    /** API Entreprise's wording of a 404 on a SIREN (its sandbox cases and NotFoundError). */
    static final String NOT_FOUND_DETAIL =
            "Le siren indiqué n'existe pas, n'est pas connu ou ne comporte aucune information pour cet appel.";

    private final Identity identity;

    RegisterUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.identity = new Identity(upstreamName, prefix, providerName);
    }

    @Override
    public Identity identity() {
        return identity;
    }

    /** 404 {@code XX003}: the register knows nothing of this SIREN. */
    public ApiException notFound() {
        return notFound(NOT_FOUND_DETAIL);
    }

    /** The 404 {@code XX003} error, for callers that add to its {@code meta}. */
    public ApiError notFoundError() {
        return notFoundError(NOT_FOUND_DETAIL);
    }
}
