package fr.guichet.certifications.upstream;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.upstream.NamedUpstream;

/**
 * The certifying bodies this adapter calls: the kit's upstream name (settings
 * {@code guichet.upstream.<name>.*}), the error prefix of API Entreprise's table and the
 * {@code meta.provider} of their errors (as in certifications.yml).
 */
public enum CertificationUpstream implements NamedUpstream {
    ADEME("ademe", ProviderPrefix.ADEME, "ADEME"),
    QUALIBAT("qualibat", ProviderPrefix.QUALIBAT, "Qualibat"),
    OPQIBI("opqibi", ProviderPrefix.OPQIBI, "OPQIBI"),
    QUALIFELEC("qualifelec", ProviderPrefix.QUALIFELEC, "Qualifelec"),
    FNTP("fntp", ProviderPrefix.FNTP, "FNTP"),
    CARIF_OREF("carif_oref", ProviderPrefix.CARIF_OREF, "CARIF-OREF");

    private static final String NOT_FOUND_DETAIL = "Le ou les paramètre(s) d'entrée n'existent pas, ne sont pas connus, "
            + "ou ne comportent aucune information pour cet appel. Veuillez vérifier que votre recherche est couverte "
            + "par le périmètre de l'API.";

    private final Identity identity;

    CertificationUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.identity = new Identity(upstreamName, prefix, providerName);
    }

    @Override
    public Identity identity() {
        return identity;
    }

    /** {@link #error(String)} with this detail, as the answer of the call. */
    public ApiException failure(int status, String subcode, String detail) {
        return new ApiException(status, error(subcode).withDetail(detail));
    }

    /** 404 {@code XX003} with the official OpenAPI's title and detail. */
    public ApiException notFound() {
        return notFound(NOT_FOUND_DETAIL);
    }
}
