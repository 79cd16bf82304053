package fr.guichet.acoss.client;

import fr.guichet.acoss.error.Errors.Upstream;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.providerkit.upstream.UpstreamClient;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * URSSAF and GIP-MDS through the kit's upstream clients ({@code urssaf}, {@code gip_mds}: each
 * its own pool, timeout, circuit breaker, bulkhead and metrics, settings
 * {@code guichet.upstream.<name>.*}), with calls that got no answer turned into the API
 * Entreprise errors of the upstream concerned: timeout x002, unknown host x004, TLS x009,
 * circuit open x001, connection refused or reset 00501 (retry in 10 s). Blocking: worker threads only.
 */
@ApplicationScoped
public class UpstreamHttp {

    private static final long NETWORK_RETRY_IN_SECONDS = 10;

    private final Upstreams upstreams;

    public UpstreamHttp(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    /** The kit's client of {@code upstream}. */
    public UpstreamClient client(Upstream upstream) {
        return upstreams.client(name(upstream));
    }

    /** Sends {@code request}; any HTTP answer is returned as is. */
    public UpstreamResponse send(Upstream upstream, UpstreamRequest request) {
        try {
            return client(upstream).call(request);
        } catch (UpstreamFailure e) {
            throw transportError(upstream, e);
        }
    }

    /** The upstream's name in the kit: its settings key and metric tag. */
    public static String name(Upstream upstream) {
        return upstream.name().toLowerCase(Locale.ROOT);
    }

    /** This adapter's mapping of a call without an answer. */
    static ApiException transportError(Upstream upstream, UpstreamFailure e) {
        return switch (e.kind()) {
            case TIMEOUT, CONNECT_TIMEOUT -> upstream.failure(504, "002");
            case DNS -> upstream.failure(504, "004");
            case TLS -> upstream.failure(502, "009");
            case CIRCUIT_OPEN, BULKHEAD_FULL -> upstream.failure(504, "001");
            case UNREACHABLE -> {
                ApiError network = ErrorCatalogue.standard().error("00501").withMeta("retry_in", NETWORK_RETRY_IN_SECONDS);
                yield new ApiException(504, network);
            }
        };
    }
}
