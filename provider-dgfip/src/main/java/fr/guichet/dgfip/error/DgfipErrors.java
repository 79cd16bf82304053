package fr.guichet.dgfip.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The DGFIP errors this adapter answers ({@code 03xxx} of errors.yml, {@code meta.provider} as
 * API Entreprise names it). Titles come from the catalogue; details say what happened, in French.
 */
public final class DgfipErrors {

    /** API Entreprise's name for the DGFIP back-end serving the enterprise operations. */
    public static final String ADELIE = "DGFIP - Adélie";
    /** Name used in {@code meta.provider} for the ENSU DOCUMENTS extension. */
    public static final String ENSU = "DGFIP - ENSU";

    public static final String NOT_FOUND_DETAIL = "Le ou les paramètre(s) d'entrée n'existent pas, ne sont pas connus, "
            + "ou ne comportent aucune information pour cet appel. Veuillez vérifier que votre recherche est "
            + "couverte par le périmètre de l'API.";

    private static final ErrorCatalogue CATALOGUE = ErrorCatalogue.standard();

    private DgfipErrors() {
    }

    public static ApiException notFound(String provider) {
        return notFound(provider, NOT_FOUND_DETAIL);
    }

    /** Title as API Entreprise answers it for DGFIP (fixtures and OpenAPI examples), not the generic subcode's. */
    public static final String NOT_FOUND_TITLE = "Entité non trouvée";

    public static ApiException notFound(String provider, String detail) {
        ApiError generic = of(404, "003", provider, detail, null).errors().get(0);
        return new ApiException(404, new ApiError(generic.code(), NOT_FOUND_TITLE, generic.detail(), generic.source(),
                generic.meta()));
    }

    public static ApiException rateLimited(String provider, long retryIn) {
        return of(429, "008", provider, "Le fournisseur de données a reçu trop de requêtes. Réessayez dans "
                + retryIn + " secondes.", retryIn);
    }

    public static ApiException timeout(String provider, long retryIn) {
        return of(504, "002", provider, null, retryIn);
    }

    public static ApiException unavailable(String provider, long retryIn) {
        return of(503, "001", provider, null, retryIn);
    }

    public static ApiException dnsFailure(String provider) {
        return of(504, "004", provider, null, null);
    }

    public static ApiException authenticationFailed(String provider, String detail) {
        return of(502, "006", provider, detail, null);
    }

    public static ApiException badCertificate(String provider) {
        return of(502, "009", provider, null, null);
    }

    public static ApiException internalError(String provider) {
        return of(502, "000", provider, null, null);
    }

    public static ApiException unknown(String provider, String detail) {
        return of(502, "999", provider, detail, null);
    }

    /** Adélie answers an HTML error page for some unknown SIRENs: API Entreprise's 03501. */
    public static ApiException potentialNotFound() {
        ApiError error = CATALOGUE.error("03501").withMeta("provider", ADELIE);
        return new ApiException(502, error);
    }

    /** Invalid file from the provider: 03051 (base64), 03055 (not a PDF), 03056 (empty). */
    public static ApiException invalidFile(String code, String detail) {
        ApiError error = new ApiError(code, "Fichier renvoyé par le fournisseur de données non valide", detail, null,
                Map.of());
        return new ApiException(502, error);
    }

    public static ApiException unprocessable(String code, String detail, String parameter) {
        ApiError base = CATALOGUE.knows(code) ? CATALOGUE.error(code)
                : new ApiError(code, "Entité non traitable", detail, null, Map.of());
        Map<String, Object> source = parameter == null ? base.source() : Map.of("parameter", parameter);
        ApiError error = new ApiError(code, base.title(), detail != null ? detail : base.detail(), source, Map.of());
        return new ApiException(422, error);
    }

    private static ApiException of(int status, String subcode, String provider, String detail, Long retryIn) {
        ApiError error = CATALOGUE.providerError(ProviderPrefix.DGFIP, subcode);
        if (detail != null) {
            error = error.withDetail(detail);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("provider", provider);
        if (retryIn != null) {
            meta.put("retry_in", retryIn);
        }
        return new ApiException(status, new ApiError(error.code(), error.title(), error.detail(), error.source(), meta));
    }
}
