package fr.guichet.insee.health;

import io.quarkus.redis.datasource.RedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Redis holds the response cache and the upstream token: without it the service is not ready. */
@Readiness
@ApplicationScoped
public class RedisReadinessCheck implements HealthCheck {

    private final RedisDataSource redis;

    public RedisReadinessCheck(RedisDataSource redis) {
        this.redis = redis;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            redis.execute("PING");
            return HealthCheckResponse.up("redis");
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("redis").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }
}
