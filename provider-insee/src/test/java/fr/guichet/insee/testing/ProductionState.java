package fr.guichet.insee.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.guichet.insee.client.UpstreamStats;
import io.quarkus.redis.datasource.RedisDataSource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * What a production-mode test starts from: INSEE stubbed with its token exchange only, no cached
 * answer or OAuth token in Redis, closed circuits and empty upstream statistics.
 */
@ApplicationScoped
public class ProductionState {

    private final RedisDataSource redis;
    private final UpstreamStats stats;
    private final CircuitBreakerMaintenance circuits;

    public ProductionState(RedisDataSource redis, UpstreamStats stats, CircuitBreakerMaintenance circuits) {
        this.redis = redis;
        this.stats = stats;
        this.circuits = circuits;
    }

    public void reset(WireMockServer insee) {
        insee.resetAll();
        Recordings.replay(insee, "token.yml");
        List<String> keys = redis.key(String.class).keys("guichet:insee:*");
        if (!keys.isEmpty()) {
            redis.key(String.class).del(keys.toArray(String[]::new));
        }
        circuits.resetAll();
        stats.reset();
    }
}
