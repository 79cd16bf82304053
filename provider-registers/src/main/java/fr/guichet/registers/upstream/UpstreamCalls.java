package fr.guichet.registers.upstream;

import fr.guichet.common.error.ApiException;
import fr.guichet.common.error.ErrorCatalogue;
import fr.guichet.providerkit.upstream.UpstreamFailure;
import fr.guichet.providerkit.upstream.UpstreamRequest;
import fr.guichet.providerkit.upstream.UpstreamResponse;
import fr.guichet.providerkit.upstream.Upstreams;
import fr.guichet.providerkit.upstream.UpstreamsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The registers through the kit's upstream clients (each its own pool, timeout, circuit breaker,
 * bulkhead and metrics: {@code guichet.upstream.<name>.*}), calls without an answer turned into
 * the errors API Entreprise answers for them: timeout 504 {@code XX002}; connection refused or
 * reset 502 {@code 00501} with {@code retry_in} 10 s; unknown host 502 {@code XX004}; TLS failure 502 {@code XX009}; circuit
 * open or bulkhead full 502 {@code XX001} (the reference's ProviderUnavailable, a provider error).
 * An upstream without {@code url} is not configured: 502 {@code XX999}. Blocking: worker threads only.
 */
@ApplicationScoped
public class UpstreamCalls {

    /** The reference's NetworkError: come back in 10 seconds. */
    static final long NETWORK_RETRY_IN_SECONDS = 10;

    private final Upstreams upstreams;
    private final UpstreamsConfig config;

    public UpstreamCalls(Upstreams upstreams, UpstreamsConfig config) {
        this.upstreams = upstreams;
        this.config = config;
    }

    /** Sends {@code request} (relative to the upstream's {@code url}); any HTTP answer is returned as is. */
    public UpstreamResponse send(RegisterUpstream upstream, UpstreamRequest request) {
        if (!configured(upstream)) {
            throw new IllegalStateException("guichet.upstream." + upstream.upstreamName() + ".url is not set");
        }
        try {
            return upstreams.client(upstream.upstreamName()).call(request);
        } catch (UpstreamFailure e) {
            throw transportError(upstream, e);
        }
    }

    /** True when the upstream's {@code url} is set. */
    public boolean configured(RegisterUpstream upstream) {
        UpstreamsConfig.Upstream settings = config.upstream(upstream.upstreamName());
        return settings != null && settings.url().filter(u -> !u.isBlank()).isPresent();
    }

    static ApiException transportError(RegisterUpstream upstream, UpstreamFailure e) {
        return switch (e.kind()) {
            case TIMEOUT, CONNECT_TIMEOUT -> upstream.failure(504, "002");
            case DNS -> upstream.failure(502, "004");
            case TLS -> upstream.failure(502, "009");
            case CIRCUIT_OPEN, BULKHEAD_FULL -> upstream.failure(502, "001");
            case UNREACHABLE -> new ApiException(502, ErrorCatalogue.standard().error("00501").withMeta("retry_in", NETWORK_RETRY_IN_SECONDS));
        };
    }
}
