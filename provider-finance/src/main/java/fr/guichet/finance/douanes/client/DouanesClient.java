package fr.guichet.finance.douanes.client;

import fr.guichet.finance.config.FinanceConfig;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The customs' EORI lookup, as recorded (upstream/entreprise/dgddi cassettes):
 * {@code GET <url>/<siret_or_eori>?idClient=<client id>} with {@code Content-Type: application/json},
 * no other authentication. Runs under the kit's upstream {@value #UPSTREAM} (timeout, circuit
 * breaker, bulkhead, metrics); blocking, for worker threads.
 */
@ApplicationScoped
public class DouanesClient {

    /** The kit's upstream name: settings {@code guichet.upstream.douanes.*}, circuit, metrics. */
    public static final String UPSTREAM = "douanes";

    private final Upstreams upstreams;
    private final FinanceConfig config;

    public DouanesClient(Upstreams upstreams, FinanceConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    /** True when the URL and the client id are set (production readiness). */
    public boolean configured() {
        return config.douanes().url().isPresent() && config.douanes().clientId().isPresent();
    }

    /**
     * The customs' answer for one SIRET or EORI number, whatever its status.
     *
     * @throws fr.guichet.providerkit.upstream.UpstreamFailure when no answer came
     * @throws IllegalStateException when the upstream is not configured (502 {@code 16999})
     */
    public UpstreamResponse registration(String siretOrEori) {
        String url = config.douanes().url().orElseThrow(() -> new IllegalStateException("guichet.finance.douanes.url is not set"));
        String clientId = config.douanes().clientId()
                .orElseThrow(() -> new IllegalStateException("guichet.finance.douanes.client-id is not set"));
        UpstreamRequest request = UpstreamRequest.get(url + "/" + URLEncoder.encode(siretOrEori, StandardCharsets.UTF_8))
                .withQuery(Map.of("idClient", clientId))
                .withHeader("Content-Type", "application/json")
                .withHeader("Accept", "application/json")
                .withMetricPath("/{siret_or_eori}");
        return upstreams.client(UPSTREAM).call(request);
    }
}
