package fr.guichet.common.error;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The HTTP-level refusals every Guichet service answers alike, in the API Entreprise error model:
 * 405 (method not served on the route) and 415 (request body of a type the route does not read).
 * Titles are fixed here once so that no service calls them "Entité non traitable"; each service
 * passes its own error code (gateway {@code 00503}, token-service {@code 00801}, ...), because the
 * code tells who answered.
 */
public final class HttpErrors {

    /** Title of every 405 answer. */
    public static final String METHOD_NOT_ALLOWED = "Méthode non autorisée";
    /** Title of every 415 answer. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "Type de contenu non pris en charge";

    private HttpErrors() {
    }

    /**
     * 405: the route exists but not with this method.
     *
     * @param code    the answering service's error code
     * @param allowed methods the route serves (the {@code Allow} header of the refusal), may be empty;
     *                named in the detail and in {@code meta.allowed_methods}
     */
    public static ApiException methodNotAllowed(String code, Collection<String> allowed) {
        List<String> methods = allowed == null ? List.of() : List.copyOf(new TreeSet<>(allowed));
        String detail = methods.isEmpty()
                ? "Cette méthode HTTP n'est pas servie sur cette route."
                : "Cette méthode HTTP n'est pas servie sur cette route ; méthodes acceptées : "
                        + String.join(", ", methods) + ".";
        return new ApiException(405, new ApiError(code, METHOD_NOT_ALLOWED, detail, null,
                methods.isEmpty() ? Map.of() : Map.of("allowed_methods", methods)));
    }

    /**
     * 415: the route does not read a body of the type sent.
     *
     * @param code the answering service's error code
     */
    public static ApiException unsupportedMediaType(String code) {
        return new ApiException(415, new ApiError(code, UNSUPPORTED_MEDIA_TYPE,
                "Cette route ne lit pas ce type de contenu : envoyez du JSON (application/json).",
                Map.of("header", "Content-Type"), Map.of()));
    }

    /**
     * 400: a query parameter the route does not declare (a misspelt filter would otherwise be
     * ignored and widen the result); {@code source.parameter} names it, the detail lists those accepted.
     *
     * @param code     the answering service's error code
     * @param name     the unknown parameter
     * @param accepted the parameters the route declares, may be empty
     */
    public static ApiException unknownParameter(String code, String name, Collection<String> accepted) {
        String list = accepted.isEmpty() ? "cette route n'accepte aucun paramètre"
                : "paramètres acceptés : " + String.join(", ", new TreeSet<>(accepted));
        return new ApiException(400, new ApiError(code, "Requête mal formée",
                "Le paramètre « " + name + " » n'est pas reconnu (" + list + ").", Map.of("parameter", name), Map.of()));
    }
}
