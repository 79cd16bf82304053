package fr.guichet.providerkit.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import java.util.Map;

/**
 * The API Entreprise errors every provider answers alike, built from {@code errors.yml} with the
 * provider's prefix ({@code 01} INSEE, {@code 03} DGFIP...): one wording, one status, everywhere.
 */
public final class ProviderErrors {

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();

    private ProviderErrors() {
    }

    /**
     * 502 {@code XX999}: a failure nobody foresaw (a bug, an answer we cannot read). The same
     * status and body in every provider; no {@code meta}, so nothing of the failure leaks.
     */
    public static ApiException unexpected(ProviderPrefix prefix) {
        return new ApiException(502, CATALOGUE.providerError(prefix, "999"));
    }

    /**
     * 404 {@code XX003}, worded as the API Entreprise OpenAPI's {@code entite_non_trouvee} examples,
     * with {@code meta.provider} = the provider's display name ({@code INSEE}).
     */
    public static ApiException notFound(ProviderPrefix prefix, String providerName) {
        return new ApiException(404, new ApiError(prefix.code("003"), "Entité non trouvée",
                "Le ou les paramètre(s) d'entrée n'existent pas, ne sont pas connus, ou ne comportent aucune "
                        + "information pour cet appel. Veuillez vérifier que votre recherche est couverte par le "
                        + "périmètre de l'API.",
                null, Map.of("provider", providerName)));
    }

    /**
     * 503 {@code XX020}: the provider is in its maintenance window; {@code meta.retry_in} (and the
     * {@code Retry-After} header the exception mapper derives from it) = seconds until it reopens.
     */
    public static ApiException maintenance(ProviderPrefix prefix, long retryInSeconds) {
        return maintenance(prefix, null, retryInSeconds);
    }

    /** As {@link #maintenance(ProviderPrefix, long)}, with {@code meta.provider} = {@code providerName} when given (API Entreprise's 03020 carries it). */
    public static ApiException maintenance(ProviderPrefix prefix, String providerName, long retryInSeconds) {
        ApiError error = CATALOGUE.providerError(prefix, "020")
                .withDetail("Le fournisseur de données est en maintenance. Réessayez dans " + retryInSeconds + " secondes.");
        if (providerName != null) {
            error = error.withMeta("provider", providerName);
        }
        return new ApiException(503, error.withMeta("retry_in", retryInSeconds));
    }

    /** 422 00301 (SIREN) / 00302 (SIRET): malformed identifier. */
    public static ApiException badIdentifier(String parameter) {
        return new ApiException(422, CATALOGUE.error("siren".equals(parameter) ? "00301" : "00302"));
    }

    /**
     * 401 00101: the call carries no valid service credential for this provider
     * (docs/internal-contracts.md, "Service-to-service credentials").
     */
    public static ApiException serviceCredentialRefused() {
        return new ApiException(401, CATALOGUE.error("00101").withDetail(
                "Jeton de service absent ou invalide : ce service ne répond qu'à la passerelle Guichet."));
    }

    /** 404 00003: no operation of this provider is served on this path. */
    public static ApiException unknownOperation() {
        return new ApiException(404, CATALOGUE.providerError(ProviderPrefix.PLATFORM, "003")
                .withDetail("Aucune opération de ce fournisseur ne correspond à ce chemin."));
    }
}
