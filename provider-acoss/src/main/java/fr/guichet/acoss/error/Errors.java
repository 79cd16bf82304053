package fr.guichet.acoss.error;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;
import java.util.List;
import java.util.Map;

/** API Entreprise errors of this adapter: codes of errors.yml and of the official OpenAPI. */
public final class Errors {

    public static final String PROVIDER_ACOSS = "ACOSS";
    public static final String PROVIDER_GIP_MDS = "GIP-MDS";

    /** URSSAF asked for a manual analysis: API Entreprise tells callers to come back in two days. */
    public static final long MANUAL_ANALYSIS_RETRY_IN_SECONDS = 172_800;

    private static final String NOT_FOUND_TITLE = "Entité non trouvée";
    private static final String NOT_FOUND_DETAIL = "Le ou les paramètre(s) d'entrée n'existent pas, ne sont pas "
            + "connus, ou ne comportent aucune information pour cet appel. Veuillez vérifier que votre recherche est "
            + "couverte par le périmètre de l'API.";
    private static final String INVALID_FILE_TITLE = "Fichier renvoyé par le fournisseur de données non valide";

    private Errors() {
    }

    /** The upstream a failure belongs to: its error prefix and its {@code meta.provider} name. */
    public enum Upstream {
        URSSAF(ProviderPrefix.ACOSS, PROVIDER_ACOSS),
        GIP_MDS(ProviderPrefix.GIP_MDS, PROVIDER_GIP_MDS);

        final ProviderPrefix prefix;
        final String providerName;

        Upstream(ProviderPrefix prefix, String providerName) {
            this.prefix = prefix;
            this.providerName = providerName;
        }

        public String providerName() {
            return providerName;
        }

        /** A generic provider error (subcode of errors.yml) with {@code meta.provider}. */
        public ApiError error(String subcode) {
            return catalogue().providerError(prefix, subcode).withMeta("provider", providerName);
        }

        public ApiException failure(int status, String subcode) {
            return new ApiException(status, error(subcode));
        }

        public ApiException failure(int status, String subcode, String detail) {
            return new ApiException(status, error(subcode).withDetail(detail));
        }
    }

    /** The upstream knows nothing for these parameters (API Entreprise's wording of the OpenAPI). */
    public static ApiException notFound(Upstream upstream) {
        ApiError base = upstream.error("003");
        return new ApiException(404, new ApiError(base.code(), NOT_FOUND_TITLE, NOT_FOUND_DETAIL, null, base.meta()));
    }

    /** A platform-level error by its full code (00301, 00307, ...). */
    public static ApiException invalidParameter(String code, String parameter) {
        ApiError base = catalogue().error(code);
        return new ApiException(422, new ApiError(base.code(), base.title(), base.detail(),
                Map.of("parameter", parameter), Map.of()));
    }

    /** URSSAF does not know the entity (FUNC501, FUNC517): 404 04003 with URSSAF's own messages. */
    public static ApiException entityNotFound(List<Map<String, Object>> providerErrors) {
        ApiError error = new ApiError("04003", "Entité non trouvée",
                "Le siret ou siren indiqué n'existe pas, n'est pas connu ou ne comporte aucune information pour cet appel",
                null, Map.of("provider", PROVIDER_ACOSS, "provider_errors", providerErrors));
        return new ApiException(404, error);
    }

    /** The document URSSAF returned cannot be used (04051-04056 of the OpenAPI). */
    public static ApiException invalidFile(String code, String detail) {
        return new ApiException(502, new ApiError(code, INVALID_FILE_TITLE, detail, null,
                Map.of("provider", PROVIDER_ACOSS)));
    }

    /** A specific ACOSS error of errors.yml (04501, 04502, 04503). */
    public static ApiError acoss(String code) {
        return catalogue().error(code).withMeta("provider", PROVIDER_ACOSS);
    }

    /** A specific GIP-MDS error of errors.yml (31501, 31502, 31503). */
    public static ApiError gipMds(String code) {
        return catalogue().error(code).withMeta("provider", PROVIDER_GIP_MDS);
    }

    private static ErrorCatalogue catalogue() {
        return ErrorCatalogue.standard();
    }
}
