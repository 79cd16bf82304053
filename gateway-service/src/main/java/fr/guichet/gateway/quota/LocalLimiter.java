package fr.guichet.gateway.quota;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The Redis script's GCRA, held in this replica's memory. Used only while Redis is
 * unreachable, with a configured share of every limit so that N replicas cannot together
 * exceed the quota by much, and never unlimited. Per-second groups, a sliding log in Redis, are
 * approximated here by GCRA at the configured share.
 */
public class LocalLimiter {

    private static final int MAX_KEYS = 200_000;

    private final ConcurrentHashMap<String, Double> tats = new ConcurrentHashMap<>();
    private final double share;

    public LocalLimiter(double share) {
        this.share = share;
    }

    /** A replica's share of a limit: at least one call per period. */
    public int localLimit(int limit) {
        return Math.max(1, (int) Math.floor(limit * share));
    }

    /** The decision for one call under local limits. */
    public record Result(boolean allowed, int limit, int remaining, long resetEpochMs, long retryAfterMs) {
    }

    /** Checks every limit; consumes all of them only if all allow the call. */
    public synchronized Result acquire(long now, Limit... limits) {
        if (tats.size() > MAX_KEYS) {
            tats.entrySet().removeIf(e -> e.getValue() < now);
        }
        Result strictest = null;
        double[] newTats = new double[limits.length];
        for (int i = 0; i < limits.length; i++) {
            Limit l = limits[i];
            int limit = localLimit(l.limit());
            double interval = (double) l.periodMillis() / limit;
            double tat = Math.max(tats.getOrDefault(l.key(), (double) now), now);
            double newTat = tat + interval;
            double allowAt = newTat - l.periodMillis();
            if (now < allowAt) {
                long retry = (long) Math.ceil(allowAt - now);
                if (strictest == null || strictest.allowed() || retry > strictest.retryAfterMs()) {
                    strictest = new Result(false, limit, 0, (long) allowAt, retry);
                }
            } else {
                int remaining = (int) Math.floor((now - allowAt) / interval);
                if (strictest == null || (strictest.allowed() && remaining < strictest.remaining())) {
                    strictest = new Result(true, limit, remaining, (long) newTat, 0);
                }
            }
            newTats[i] = newTat;
        }
        if (strictest == null) {
            return new Result(true, 0, 0, now, 0);
        }
        if (strictest.allowed()) {
            for (int i = 0; i < limits.length; i++) {
                tats.put(limits[i].key(), newTats[i]);
            }
        }
        return strictest;
    }

    /** One quota: {@code limit} calls per {@code periodMillis}, counted under {@code key}. */
    public record Limit(String key, int limit, long periodMillis) {
    }
}
