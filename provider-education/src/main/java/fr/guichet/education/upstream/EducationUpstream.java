package fr.guichet.education.upstream;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.upstream.NamedUpstream;

/**
 * The administrations this adapter calls: the kit's upstream name (settings
 * {@code guichet.upstream.<name>.*}), the error prefix of API Particulier's table and the
 * {@code meta.provider} of their errors (as in education.yml).
 */
public enum EducationUpstream implements NamedUpstream {
    MESRI("mesri", ProviderPrefix.MESRI, "MESRI"),
    CNOUS("cnous", ProviderPrefix.CNOUS, "CNOUS"),
    MEN("men", ProviderPrefix.MEN, "MEN");

    private final Identity identity;

    EducationUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.identity = new Identity(upstreamName, prefix, providerName);
    }

    @Override
    public Identity identity() {
        return identity;
    }

    /**
     * The value of setting {@code guichet.education.<upstream>.<name>}.
     *
     * @throws ApiException 502 {@code XX006} when it is unset or blank
     */
    public String setting(java.util.Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank())
                .orElseThrow(() -> notConfigured("guichet.education." + upstreamName() + "." + name));
    }
}
