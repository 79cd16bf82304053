package fr.guichet.gateway.quota;

import fr.guichet.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Limit of calls answered without a valid token, per client address and per replica
 * ({@code guichet.gateway.limits.unauthenticated-per-minute}, 1,000 per minute by default as
 * API Entreprise does): what an unauthenticated caller can make the gateway verify, answer and
 * trace. Held in memory so that a flood costs no Redis round trip.
 */
@ApplicationScoped
public class AddressLimiter {

    private final LocalLimiter limiter = new LocalLimiter(1.0);
    private final int perMinute;

    @Inject
    public AddressLimiter(GatewayConfig config) {
        this(config.limits().unauthenticatedPerMinute());
    }

    public AddressLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    /**
     * Counts one unauthenticated call from {@code address}.
     *
     * @return 0 when allowed, else the milliseconds to wait before the next one is
     */
    public long acquire(String address, long nowMillis) {
        LocalLimiter.Result r = limiter.acquire(nowMillis,
                new LocalLimiter.Limit("ip:" + (address == null ? "?" : address), perMinute, 60_000));
        return r.allowed() ? 0 : Math.max(1, r.retryAfterMs());
    }
}
