package fr.guichet.gateway.service;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.gateway.config.PlatformUrls;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

    /**
     * 401 00103: the token has ended. errors.yml's detail sends partners to API Entreprise's FAQ;
     * ours names this platform's renewal page.
     */
    public static ApiException expiredToken(PlatformUrls urls) {
        return new ApiException(401, of("00103").withDetail(
                "Votre jeton a expiré. Demandez son renouvellement depuis votre espace partenaire : " + urls.renewal()));
    }

    /** 401 00105: the token was revoked; a valid one is found on this platform's dashboard. */
    public static ApiException revokedToken(PlatformUrls urls) {
        return new ApiException(401, of("00105").withDetail(
                "Votre jeton est révoqué, il a certainement été divulgué sur un canal non sécurisé. "
                        + "Vous trouverez un jeton valide dans votre espace partenaire : " + urls.dashboard()));
    }

    /**
     * 401 00106: token-service does not know the token. errors.yml's detail sends partners to API
     * Entreprise's access request; ours to this platform's dashboard.
     */
    public static ApiException unknownToken(PlatformUrls urls) {
        return new ApiException(401, of("00106").withDetail(
                "Votre jeton n'a pas été trouvé : il ne correspond à aucune habilitation de cette plateforme. "
                        + "Demandez une habilitation ou retrouvez votre jeton dans votre espace partenaire : " + urls.dashboard()));
    }

    /**
     * 403 00100: the token opens none of the route's scopes. {@code meta.missing_scopes} lists the
     * scopes that would open it (any one suffices: authorizations.yml), {@code meta.privileges_url}
     * this gateway's {@code /privileges} (errors.yml's detail names {@code /v2/privileges}, which
     * Guichet does not serve).
     *
     * @param required the scopes that open the route for this call, any one suffices
     */
    public static ApiException missingScope(PlatformUrls urls, Collection<String> required) {
        List<String> missing = new TreeSet<>(required).stream().toList();
        String which = missing.isEmpty() ? "vos privilèges sont insuffisants"
                : "il ne porte aucune des portées qui ouvrent cette route (" + String.join(", ", missing) + " ; une seule suffit)";
        return new ApiException(403, of("00100")
                .withDetail("Votre jeton est valide mais " + which + ". Listez vos privilèges sur " + urls.privileges())
                .withMeta("missing_scopes", missing)
                .withMeta("privileges_url", urls.privileges()));
    }

    /**
     * 403 00100: the token belongs to the other API (a Particulier token on an API Entreprise route,
     * or the reverse): each habilitation opens one API.
     *
     * @param routeApi the route's API, {@code entreprise} or {@code particulier}
     */
    public static ApiException otherApi(PlatformUrls urls, String routeApi) {
        String which = "particulier".equals(routeApi)
                ? "cette route appartient à API Particulier et votre jeton à API Entreprise"
                : "cette route appartient à API Entreprise et votre jeton à API Particulier";
        return new ApiException(403, of("00100")
                .withDetail("Votre jeton est valide mais " + which + " : demandez une habilitation pour cette API. "
                        + "Listez vos privilèges sur " + urls.privileges())
                .withMeta("privileges_url", urls.privileges()));
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
                "Cette version de l'API n'est pas prise en charge : utilisez /v3, /v4 ou /v5."));
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

    /**
     * Gateway code (not in errors.yml, whose codes all presuppose a readable request): the query
     * string, or the path, cannot be read. HTTP 400.
     */
    public static final String MALFORMED_QUERY = "00250";
    /** Gateway code (not in errors.yml): one parameter's value cannot be used. HTTP 422. */
    public static final String INVALID_PARAMETER = "00251";
    /** Gateway code (not in errors.yml): the call's trace would be refused by trace-service. HTTP 422. */
    public static final String UNTRACEABLE = "00252";
    /** Gateway code (not in errors.yml): the token's state (status, IP allow-list) cannot be read. HTTP 503. */
    public static final String TOKEN_STATE_UNKNOWN = "00253";

    /** 400 {@value #MALFORMED_QUERY}: undecodable escape, invalid UTF-8, nameless parameter, too many parameters. */
    public static ApiException malformedQuery(String detail) {
        return new ApiException(400, new ApiError(MALFORMED_QUERY, "Requête mal formée", detail, null, Map.of()));
    }

    /**
     * 400 {@value #MALFORMED_QUERY} for a path the router cannot decode (a malformed or incomplete
     * percent escape): the same fault as in a query, found before any route is chosen.
     */
    public static ApiException malformedPath(String detail) {
        return malformedQuery(detail);
    }

    /** The error of a parameter that is present but unusable (repeated, control character, too long). */
    public static ApiError invalidParameter(String parameter, String detail) {
        return new ApiError(INVALID_PARAMETER, "Entité non traitable", detail,
                Map.of("parameter", abbreviate(parameter)), Map.of());
    }

    /** 422 {@value #UNTRACEABLE}: no trace, no data. */
    public static ApiException untraceable(String detail) {
        return new ApiException(422, new ApiError(UNTRACEABLE, "Entité non traitable",
                "Cet appel ne peut pas être tracé (" + detail + ") ; par sécurité aucune donnée n'est délivrée.",
                null, Map.of()));
    }

    /**
     * 503 {@value #TOKEN_STATE_UNKNOWN}: neither Redis, token-service nor this replica's copies
     * know the token's state, so its status and IP allow-list cannot be checked: refused rather
     * than admitted with no allow-list.
     */
    public static ApiException tokenStateUnknown() {
        return new ApiException(503, new ApiError(TOKEN_STATE_UNKNOWN, "Service indisponible",
                "L'état de votre jeton ne peut pas être vérifié pour le moment (révocation, adresses IP autorisées) ; "
                        + "par sécurité l'appel est refusé. Réessayez dans quelques instants.",
                null, Map.of("retry_in", 5)));
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public static ApiException fileExpired() {
        return status(410, "00403");
    }
}
