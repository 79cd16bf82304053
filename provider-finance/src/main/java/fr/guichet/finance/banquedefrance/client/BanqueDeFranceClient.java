package fr.guichet.finance.banquedefrance.client;

import fr.guichet.finance.config.FinanceConfig;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Banque de France's balance sheets of a company, as recorded
 * (upstream/entreprise/banque_de_france cassettes): {@code GET <url>/<siren>} with
 * {@code Content-Type: application/json}, no query. The platform authenticates with its TLS
 * client certificate (API Entreprise's UseWildcardSSLCertificate): the kit's upstream
 * {@value #UPSTREAM} carries it through {@code guichet.upstream.banque-de-france.tls-configuration-name}.
 * Blocking, for worker threads.
 */
@ApplicationScoped
public class BanqueDeFranceClient {

    /** The kit's upstream name: settings {@code guichet.upstream.banque-de-france.*}, circuit, metrics. */
    public static final String UPSTREAM = "banque-de-france";

    private final Upstreams upstreams;
    private final FinanceConfig config;

    public BanqueDeFranceClient(Upstreams upstreams, FinanceConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    /** True when the URL is set (production readiness). */
    public boolean configured() {
        return config.banqueDeFrance().url().isPresent();
    }

    /**
     * The Banque de France's answer for one SIREN (already checked by the kit), whatever its status.
     *
     * @throws fr.guichet.providerkit.upstream.UpstreamFailure when no answer came
     * @throws IllegalStateException when the upstream is not configured (502 {@code 17999})
     */
    public UpstreamResponse bilans(String siren) {
        String url = config.banqueDeFrance().url()
                .orElseThrow(() -> new IllegalStateException("guichet.finance.banque-de-france.url is not set"));
        return upstreams.client(UPSTREAM).call(UpstreamRequest.get(url + "/" + siren)
                .withHeader("Content-Type", "application/json")
                .withHeader("Accept", "application/json")
                .withMetricPath("/{siren}"));
    }
}
