package fr.guichet.insee.client;

import fr.guichet.insee.config.InseeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Outcome of the most recent INSEE calls, for readiness and the gateway's ping. */
@ApplicationScoped
public class UpstreamStats {

    private final boolean[] outcomes;
    private int next;
    private int size;
    private Instant lastSuccess;
    private Instant lastCall;

    public UpstreamStats(InseeConfig config) {
        this.outcomes = new boolean[Math.max(1, config.health().window())];
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

    /** Share of successes among the last calls, or null before the first call. */
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

    public synchronized int calls() {
        return size;
    }

    public synchronized Instant lastSuccess() {
        return lastSuccess;
    }

    public synchronized Instant lastCall() {
        return lastCall;
    }

    /** Tests start from a clean window. */
    public synchronized void reset() {
        next = 0;
        size = 0;
        lastSuccess = null;
        lastCall = null;
    }
}
