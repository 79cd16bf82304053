package fr.guichet.portal.login.service;

import fr.guichet.portal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down magic-link requests per <em>client address</em>: {@code login.free-requests} within
 * {@code login.window}, then each further request blocks that address for a delay doubling from
 * {@code login.first-delay} to {@code login.max-delay}. Never per e-mail address: whoever hammers
 * the form slows down only themselves, and the person the address belongs to can still ask for a
 * link from their own connection (OWASP Authentication Cheat Sheet, "Account lockout").
 * token-service keeps its own per-address limit and per-mailbox cap behind this one.
 *
 * <p>Counts live in this replica's memory (the portal has no store); with several replicas an
 * address gets at most that many times the free requests, token-service's shared limit still holds.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Entries kept at most; beyond, the ones whose window ended are dropped first. */
    static final int MAX_ENTRIES = 100_000;

    private record Entry(Instant windowStart, int count, Instant blockedUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final PortalConfig.Login settings;
    private final Clock clock;

    @jakarta.inject.Inject
    public LoginThrottle(PortalConfig config) {
        this(config.login(), Clock.systemUTC());
    }

    LoginThrottle(PortalConfig.Login settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Counts one request of {@code address} and says how long it must wait first.
     *
     * @return 0 when the request may go on; otherwise the seconds before the address may ask again
     */
    public long attempt(String address) {
        String key = address == null || address.isBlank() ? "unknown" : address;
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.windowStart().plus(settings.window()).isBefore(now)
                    && (e.blockedUntil() == null || e.blockedUntil().isBefore(now)));
        }
        Entry entry = entries.compute(key, (k, e) -> {
            if (e != null && e.blockedUntil() != null && e.blockedUntil().isAfter(now)) {
                return e; // a blocked address's requests are refused without counting
            }
            if (e == null || e.windowStart().plus(settings.window()).isBefore(now)) {
                return new Entry(now, 1, null);
            }
            int count = e.count() + 1;
            long beyond = count - settings.freeRequests();
            return new Entry(e.windowStart(), count, beyond > 0 ? now.plus(backoff(beyond)) : null);
        });
        if (entry.blockedUntil() == null || !entry.blockedUntil().isAfter(now)) {
            return 0;
        }
        return Math.max(1, (Duration.between(now, entry.blockedUntil()).toMillis() + 999) / 1000);
    }

    /** {@code first-delay × 2^(n-1)}, at most {@code max-delay}. */
    Duration backoff(long beyondFree) {
        long first = settings.firstDelay().toMillis();
        long max = settings.maxDelay().toMillis();
        long delay = beyondFree >= 40 ? max : Math.min(max, first << (beyondFree - 1));
        return Duration.ofMillis(delay);
    }
}
