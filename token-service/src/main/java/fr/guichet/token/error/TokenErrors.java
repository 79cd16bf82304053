package fr.guichet.token.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import java.util.Map;

/**
 * The API Entreprise errors token-service answers. Catalogue codes where one fits
 * ({@code 00003} not found, {@code 00015} conflict, {@code 00100}/{@code 00101} access,
 * {@code 00302} SIRET, {@code 00500}); token-service's own codes live in the unused
 * {@code 008xx} range: {@code 00800} unreadable body, {@code 00801} invalid field,
 * {@code 00802} transition out of order, {@code 00803} token already retrieved,
 * {@code 00804} trace-service unavailable, {@code 00805} too many attempts, {@code 00806} mail unavailable,
 * {@code 00807} revocation recorded but not yet propagated, {@code 00808} too many live OAuth2
 * access tokens for one habilitation (429), {@code 00809} internal route without a valid service
 * credential (401), {@code 00810} incident switch recorded but not yet propagated (503).
 */
public final class TokenErrors {

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();
    /** {@code 00801}: a field or parameter is invalid; also the code of token-service's 405 and 415. */
    public static final String INVALID = "00801";

    private TokenErrors() {
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, CATALOGUE.error("00003").withDetail(detail));
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, CATALOGUE.error("00015").withDetail(detail));
    }

    /** {@code 00809} (401): an internal route called without a valid {@code X-Guichet-Service-Token}. */
    public static ApiException serviceCredentialRequired() {
        return new ApiException(401, new ApiError("00809", "Service non authentifié",
                "Cette route interne n'accepte que les services de Guichet (en-tête X-Guichet-Service-Token valide).",
                null, Map.of()));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, CATALOGUE.error("00101").withDetail(detail));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, CATALOGUE.error("00100").withDetail(detail));
    }

    public static ApiException malformedBody(String detail) {
        return new ApiException(400, new ApiError("00800", "Requête mal formée", detail, null, Map.of()));
    }

    /**
     * {@code 00800} (400): a query parameter the route does not know; {@code source.parameter} names it,
     * the detail lists the accepted ones.
     */
    public static ApiException unknownParameter(String name, java.util.Collection<String> accepted) {
        return fr.guichet.common.error.HttpErrors.unknownParameter("00800", name, accepted);
    }

    /** A field of the request is missing or invalid; {@code field} names it in {@code source}. */
    public static ApiException invalid(String field, String detail) {
        return new ApiException(422, invalidError(field, detail));
    }

    public static ApiError invalidError(String field, String detail) {
        return new ApiError(INVALID, "Entité non traitable", detail,
                field == null ? null : Map.of("parameter", field), Map.of());
    }

    public static ApiException invalidSiret(String field) {
        return new ApiException(422, new ApiError("00302", "Entité non traitable",
                "Le numéro de siret n'est pas correctement formatté", Map.of("parameter", field), Map.of()));
    }

    public static ApiException outOfOrder(String detail) {
        return new ApiException(409, new ApiError("00802", "Transition d'état impossible", detail, null, Map.of()));
    }

    public static ApiException alreadyRetrieved(String detail) {
        return new ApiException(410, new ApiError("00803", "Jeton déjà récupéré", detail, null, Map.of()));
    }

    public static ApiException traceServiceUnavailable(String detail) {
        return new ApiException(502, new ApiError("00804", "Service de traces indisponible", detail, null, Map.of()));
    }

    public static ApiException tooManyAttempts(long retryAfterSeconds) {
        return new ApiException(429, new ApiError("00805", "Trop de tentatives",
                "Trop de tentatives d'authentification échouées. Réessayez dans " + retryAfterSeconds + " secondes.",
                null, Map.of("retry_in", retryAfterSeconds)));
    }

    /** {@code 00808} (429): issuance of OAuth2 access tokens is bounded per habilitation. */
    public static ApiError tooManyAccessTokensError(String detail, long retryAfterSeconds) {
        return new ApiError("00808", "Trop de jetons d'accès", detail, null, Map.of("retry_in", retryAfterSeconds));
    }

    public static ApiException mailUnavailable() {
        return new ApiException(503, new ApiError("00806", "Envoi d'e-mail indisponible",
                "Le lien de connexion n'a pas pu être envoyé : réessayez dans quelques minutes.", null, Map.of()));
    }

    public static ApiException propagationPending(String jti) {
        return new ApiException(503, new ApiError("00807", "Propagation de la révocation en attente",
                "La révocation du jeton " + jti + " est enregistrée, mais Redis n'a pas pu être mis à jour : "
                        + "la réconciliation périodique la propagera. Vérifiez l'état de Redis.", null, Map.of()));
    }

    /** {@code 00810} (503): the incident switch is stored, but the gateways' Redis copy could not be written. */
    public static ApiException incidentPropagationPending() {
        return new ApiException(503, new ApiError("00810", "Propagation de l'incident en attente",
                "Le commutateur d'incident est enregistré, mais Redis n'a pas pu être mis à jour : les passerelles "
                        + "ne l'appliqueront qu'après la réconciliation périodique. Vérifiez l'état de Redis.", null, Map.of()));
    }

    public static ApiError internal() {
        return CATALOGUE.error("00500");
    }
}
