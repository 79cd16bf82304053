package fr.guichet.status.upstream;

import fr.guichet.common.error.ProviderPrefix;
import fr.guichet.providerkit.upstream.NamedUpstream;

/**
 * The administrations this adapter calls in production mode: the kit's upstream name (settings
 * {@code guichet.upstream.<name>.*}, metric tag), the error prefix and the {@code meta.provider}
 * of their errors (as in status.yml and the sandbox cases).
 */
public enum StatusUpstream implements NamedUpstream {
    FRANCE_TRAVAIL("france_travail", ProviderPrefix.FRANCE_TRAVAIL, "France Travail"),
    DSNJ("dsnj", ProviderPrefix.DSNJ, "DSNJ"),
    SDH("sdh", ProviderPrefix.SDH, "SDH");

    private final Identity identity;

    StatusUpstream(String upstreamName, ProviderPrefix prefix, String providerName) {
        this.identity = new Identity(upstreamName, prefix, providerName);
    }

    @Override
    public Identity identity() {
        return identity;
    }
}
