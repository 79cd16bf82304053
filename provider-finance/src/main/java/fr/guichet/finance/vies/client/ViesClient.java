package fr.guichet.finance.vies.client;

import fr.guichet.finance.config.FinanceConfig;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The European Commission's VIES check of a French VAT number: {@code GET <url>/<key and SIREN>},
 * no authentication, a JSON answer ({@code isValid}, {@code userError}...), as API Entreprise's
 * EuropeanCommission::VIES::MakeRequest asks it. No exchange is recorded, only answers
 * (upstream/entreprise/vies/payloads): the request shape is the reference implementation's.
 * Runs under the kit's upstream {@value #UPSTREAM}; blocking, for worker threads.
 */
@ApplicationScoped
public class ViesClient {

    /** The kit's upstream name: settings {@code guichet.upstream.vies.*}, circuit, metrics. */
    public static final String UPSTREAM = "vies";

    private final Upstreams upstreams;
    private final FinanceConfig config;

    public ViesClient(Upstreams upstreams, FinanceConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    /** True when the URL is set (production readiness). */
    public boolean configured() {
        return config.vies().url().isPresent();
    }

    /**
     * VIES's answer for a French VAT number ({@code FR27552032534}), whatever its status.
     *
     * @throws fr.guichet.providerkit.upstream.UpstreamFailure when no answer came
     * @throws IllegalStateException when the upstream is not configured (502 {@code 28999})
     */
    public UpstreamResponse check(String tvaNumber) {
        String url = config.vies().url().orElseThrow(() -> new IllegalStateException("guichet.finance.vies.url is not set"));
        return upstreams.client(UPSTREAM).call(UpstreamRequest.get(url + "/" + tvaNumber.substring(2))
                .withHeader("Accept", "application/json")
                .withMetricPath("/{numero_tva}"));
    }
}
