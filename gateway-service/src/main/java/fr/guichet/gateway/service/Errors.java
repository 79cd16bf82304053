package fr.guichet.gateway.service;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import java.util.List;
import java.util.Map;

/** The gateway's API Entreprise errors, from the shared catalogue (errors.yml). */
public final class Errors {

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();

    private Errors() {
    }

    public static ApiError of(String code) {
        return CATALOGUE.error(code);
    }

    public static ApiException status(int status, String code) {
        return new ApiException(status, of(code));
    }

    public static ApiException status(int status, List<ApiError> errors) {
        return new ApiException(status, errors);
    }

    public static ApiException invalidToken() {
        return status(401, "00101");
    }

    public static ApiException expiredToken() {
        return status(401, "00103");
    }

    public static ApiException revokedToken() {
        return status(401, "00105");
    }

    public static ApiException unknownToken() {
        return status(401, "00106");
    }

    public static ApiException missingScope() {
        return status(403, "00100");
    }

    public static ApiException ipNotAllowed() {
        return status(403, "00107");
    }

    public static ApiException duplicate() {
        return new ApiException(409, of("00015").withDetail(
                "Une requête associé à votre jeton est déjà en cours de traitement pour ces paramètres. "
                        + "Veuillez attendre la fin du traitement avant d'effectuer une nouvelle requête."));
    }

    /** 429: not in errors.yml; title and detail as API Entreprise answers them. */
    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, new ApiError("00429", "Trop de requêtes",
                "Vous avez effectué trop de requêtes, veuillez réessayer dans " + retryAfterSeconds + " secondes.",
                null, Map.of("retry_in", retryAfterSeconds)));
    }

    public static ApiException unsupportedVersion() {
        return new ApiException(404, of("00402").withDetail(
                "Cette version de l'API n'est pas prise en charge : utilisez /v3 ou /v4."));
    }

    public static ApiException removedRoute() {
        return new ApiException(410, of("00402").withDetail(
                "Cette route a été retirée. Consultez la documentation (/openapi) pour la route qui la remplace."));
    }

    public static ApiException unknownRoute() {
        return new ApiException(404, CATALOGUE.providerError(ProviderPrefix.PLATFORM, "003")
                .withDetail("Aucune route de l'API ne correspond à ce chemin. Consultez /openapi."));
    }

    public static ApiException providerUnavailable(ProviderPrefix prefix) {
        return new ApiException(502, CATALOGUE.providerError(prefix, "001"));
    }

    public static ApiException providerTimeout(ProviderPrefix prefix) {
        return new ApiException(504, CATALOGUE.providerError(prefix, "002"));
    }

    public static ApiException providerBusy(ProviderPrefix prefix) {
        return new ApiException(503, CATALOGUE.providerError(prefix, "011"));
    }

    public static ApiException maintenance(ProviderPrefix prefix, long retryInSeconds) {
        return new ApiException(503, CATALOGUE.providerError(prefix, "020")
                .withDetail("Le fournisseur de données est en maintenance. Réessayez plus tard.")
                .withMeta("retry_in", retryInSeconds));
    }

    /** No trace, no data: the journal refused the event. */
    public static ApiException traceUnavailable() {
        return new ApiException(503, of("00500").withDetail(
                "L'appel n'a pas pu être tracé ; par sécurité aucune donnée n'est délivrée. Réessayez dans quelques instants."));
    }

    public static ApiException tokenServiceUnreachable() {
        return new ApiException(503, of("00501"));
    }

    public static ApiException fileExpired() {
        return status(410, "00403");
    }
}
