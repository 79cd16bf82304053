package fr.guichet.certifications.upstream;

import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.common.error.ProviderPrefix;

/**
 * The certifying bodies this adapter calls: the kit's upstream name (settings
 * {@code guichet.upstream.<name>.*}), the error prefix of API Entreprise's table and the
 * {@code meta.provider} of their errors (as in certifications.yml).
 */
public enum CertificationUpstream {
    ADEME("ademe", ProviderPrefix.ADEME, "ADEME"),
    QUALIBAT("qualibat", ProviderPrefix.QUALIBAT, "Qualibat"),
    OPQIBI("opqibi", ProviderPrefix.OPQIBI, "OPQIBI"),
    QUALIFELEC("qualifelec", ProviderPrefix.QUALIFELEC, "Qualifelec"),
    FNTP("fntp", ProviderPrefix.FNTP, "FNTP"),
    CARIF_OREF("carif_oref", ProviderPrefix.CARIF_OREF, "CARIF-OREF");

    private static final String NOT_FOUND_DETAIL = "Le ou les paramètre(s) d'entrée n'existent pas, ne sont pas connus, "
            + "ou ne comportent aucune information pour cet appel. Veuillez vérifier que votre recherche est couverte "
            + "par le périmètre de l'API.";

    private final String upstreamName;
    private final ProviderPrefix prefix;
    private final String providerName;

    CertificationUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.upstreamName = upstreamName;
        this.prefix = prefix;
        this.providerName = providerName;
    }

    /** The kit's name of this upstream: its settings key and metric tag. */
    public String upstreamName() {
        return upstreamName;
    }

    /** A generic provider error of errors.yml ({@code subcode} 000, 001, 002...) with {@code meta.provider}. */
    public ApiError error(String subcode) {
        return ErrorCatalogue.standard().providerError(prefix, subcode).withMeta("provider", providerName);
    }

    public ApiException failure(int status, String subcode) {
        return new ApiException(status, error(subcode));
    }

    public ApiException failure(int status, String subcode, String detail) {
        return new ApiException(status, error(subcode).withDetail(detail));
    }

    /** 404 {@code XX003} with the official OpenAPI's title and detail. */
    public ApiException notFound() {
        ApiError base = error("003");
        return new ApiException(404, new ApiError(base.code(), "Entité non trouvée", NOT_FOUND_DETAIL, null, base.meta()));
    }

    /** 502 {@code XX999}: an answer the adapter cannot read (API Entreprise's "unknown provider response"). */
    public ApiException unknownAnswer() {
        return failure(502, "999");
    }
}
