package fr.guichet.gateway.quota;

/**
 * What the guard decided for one call.
 *
 * @param state          the token's state (from Redis, token-service or, degraded, the last known copy);
 *                       null when it is unknown (the call must then be refused: 503 {@code 00253})
 * @param limit          the strictest applicable limit (RateLimit-Limit)
 * @param remaining      calls left under that limit (RateLimit-Remaining)
 * @param resetEpochMs   when that limit is fully available again (RateLimit-Reset)
 * @param retryAfterMs   for {@link Outcome#LIMITED}: wait before the next call is allowed
 * @param guardKey       duplicate-request guard to release when the call ends; null if none was set
 * @param degraded       true when Redis was unreachable and local limits applied
 */
public record GuardDecision(Outcome outcome, TokenState state, int limit, int remaining, long resetEpochMs,
                            long retryAfterMs, String guardKey, boolean degraded) {

    public enum Outcome {
        OK, REVOKED, EXPIRED, LIMITED, DUPLICATE, UNKNOWN_TOKEN
    }
}
