package fr.guichet.providerkit.upstream;

import java.time.Instant;

/**
 * Outcomes of the most recent calls to one upstream (a ring of {@code health-window} entries),
 * for readiness and metrics. A call succeeds when the upstream answered with neither a 5xx nor a
 * 429.
 */
public class UpstreamHealth {

    private final boolean[] outcomes;
    private int next;
    private int size;
    private Instant lastSuccess;
    private Instant lastCall;

    public UpstreamHealth(int window) {
        this.outcomes = new boolean[Math.max(1, window)];
    }

    public synchronized void record(boolean success) {
        outcomes[next] = success;
        next = (next + 1) % outcomes.length;
        size = Math.min(size + 1, outcomes.length);
        lastCall = Instant.now();
        if (success) {
            lastSuccess = lastCall;
        }
    }

    /** Share of successes among the recent calls (0 to 1), or null before the first call. */
    public synchronized Double successRatio() {
        if (size == 0) {
            return null;
        }
        int ok = 0;
        for (int i = 0; i < size; i++) {
            if (outcomes[i]) {
                ok++;
            }
        }
        return (double) ok / size;
    }

    /** Number of calls the ratio is computed on. */
    public synchronized int calls() {
        return size;
    }

    public synchronized Instant lastSuccess() {
        return lastSuccess;
    }

    public synchronized Instant lastCall() {
        return lastCall;
    }

    /** Forgets every outcome (tests start from a clean window). */
    public synchronized void reset() {
        next = 0;
        size = 0;
        lastSuccess = null;
        lastCall = null;
    }
}
