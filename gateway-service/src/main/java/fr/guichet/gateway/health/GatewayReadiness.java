package fr.guichet.gateway.health;

import fr.guichet.gateway.auth.JwksKeyResolver;
import fr.guichet.gateway.auth.TokenVerifier;
import fr.guichet.gateway.quota.RedisGuard;
import fr.guichet.gateway.quota.RevokedTokens;
import fr.guichet.gateway.trace.TraceJournal;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when Redis answers and token-service's JWKS can be fetched (no token can be checked otherwise). */
public class GatewayReadiness {

    @Readiness
    @ApplicationScoped
    public static class RedisCheck implements HealthCheck {
        private final RedisGuard guard;
        private final RevokedTokens revoked;
        private volatile boolean everReached;

        public RedisCheck(RedisGuard guard, RevokedTokens revoked) {
            this.guard = guard;
            this.revoked = revoked;
        }

        @Override
        public HealthCheckResponse call() {
            boolean reachable = guard.ping();
            if (reachable) {
                everReached = true;
            }
            // Once started, a Redis outage means degraded mode (local limits), not an unready gateway.
            // A replica starting during an outage is ready once it holds a revoked set (its file or
            // token-service's list): it then refuses revoked tokens, and unknown states fail closed.
            boolean revocationsKnown = revoked.loaded();
            return HealthCheckResponse.named("redis").status(reachable || everReached || revocationsKnown)
                    .withData("reachable", reachable).withData("degraded", guard.degraded())
                    .withData("revocations_loaded", revocationsKnown).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class JwksCheck implements HealthCheck {
        private final TokenVerifier verifier;

        public JwksCheck(TokenVerifier verifier) {
            this.verifier = verifier;
        }

        @Override
        public HealthCheckResponse call() {
            JwksKeyResolver jwks = verifier.jwks();
            boolean reachable = jwks != null && jwks.checkReachable();
            // Keys already fetched keep working while token-service restarts: stay ready on them.
            boolean up = reachable || (jwks != null && jwks.everFetched());
            return HealthCheckResponse.named("token-service-jwks").status(up).withData("reachable", reachable).build();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class JournalCheck implements HealthCheck {
        private final TraceJournal journal;

        public JournalCheck(TraceJournal journal) {
            this.journal = journal;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("trace-journal").up().withData("backlog_bytes", journal.backlogBytes()).build();
        }
    }
}
