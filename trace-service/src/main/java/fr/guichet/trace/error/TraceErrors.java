package fr.guichet.trace.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.HttpErrors;
import java.util.Collection;
import java.util.Map;

/**
 * Errors of trace-service in the API Entreprise error model. Authentication errors come from
 * the shared catalogue; the trace-specific ones use the {@code 0026x} range of the platform prefix.
 */
public final class TraceErrors {

    public static final String INVALID_EVENT = "00260";
    public static final String UNREADABLE_BODY = "00261";
    public static final String INVALID_PARAMETER = "00262";
    public static final String NOT_FOUND = "00263";
    public static final String UNAVAILABLE = "00264";

    private TraceErrors() {
    }

    public static ApiException unauthorized() {
        return new ApiException(401, ErrorCatalogue.standard().error("00101"));
    }

    public static ApiException forbidden() {
        return new ApiException(403, new ApiError("00100", "Privilèges insuffisants",
                "Votre identité est valide mais vos privilèges sont insuffisants pour cette opération.", null, Map.of()));
    }

    public static ApiError invalidEvent(int index, String pointer, String detail) {
        return new ApiError(INVALID_EVENT, "Entité non traitable", detail,
                Map.of("pointer", "/" + index + (pointer == null ? "" : "/" + pointer)), Map.of("index", index));
    }

    public static ApiException unreadableBody(String detail) {
        return new ApiException(400, new ApiError(UNREADABLE_BODY, "Requête mal formée", detail, null, Map.of()));
    }

    /**
     * 413 {@code 00261}: a request body larger than trace-service reads
     * ({@code quarkus.http.limits.max-body-size}); {@code source.header} is {@code Content-Length}
     * and {@code meta.max_body_size} the limit in bytes.
     *
     * @param limitBytes the largest body accepted, in bytes
     */
    public static ApiException payloadTooLarge(long limitBytes) {
        return new ApiException(413, new ApiError(UNREADABLE_BODY, "Corps de requête trop volumineux",
                "Le corps de la requête dépasse la taille admise (" + readable(limitBytes)
                        + ") ; envoyez les événements en plusieurs lots.",
                Map.of("header", "Content-Length"), Map.of("max_body_size", limitBytes)));
    }

    /** A size in bytes as people read it: Mio, Kio or octets, rounded down. */
    static String readable(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " Mio";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " Kio";
        }
        return bytes + " octets";
    }

    public static ApiException invalidParameter(String parameter, String detail) {
        return new ApiException(422, new ApiError(INVALID_PARAMETER, "Entité non traitable", detail,
                Map.of("parameter", parameter), Map.of()));
    }

    /**
     * 400 {@code 00262}: a query parameter the route does not declare (a misspelt filter would
     * otherwise be ignored and widen the result). {@code source.parameter} names it; the detail
     * lists those accepted.
     */
    public static ApiException unknownParameter(String name, Collection<String> accepted) {
        return HttpErrors.unknownParameter(INVALID_PARAMETER, name, accepted);
    }

    public static ApiException unavailable() {
        return new ApiException(503, new ApiError(UNAVAILABLE, "Service indisponible",
                "Le journal des traces est momentanément indisponible ; rien n'a été enregistré, renvoyez la requête.",
                null, Map.of()));
    }

    /** 503 {@code 00264}: a feature this installation has not been given what it needs (its detail says what). */
    public static ApiException notConfigured(String detail) {
        return new ApiException(503, new ApiError(UNAVAILABLE, "Service indisponible", detail, null, Map.of()));
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, new ApiError(NOT_FOUND, "Ressource non trouvée", detail, null, Map.of()));
    }
}
