package fr.guichet.insee.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import fr.guichet.insee.client.SireneClient;
import fr.guichet.providerkit.upstream.UpstreamHealth;
import fr.guichet.providerkit.upstream.Upstreams;
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
    private final UpstreamHealth stats;
    private final CircuitBreakerMaintenance circuits;

    public ProductionState(RedisDataSource redis, Upstreams upstreams, CircuitBreakerMaintenance circuits) {
        this.redis = redis;
        this.stats = upstreams.client(SireneClient.CIRCUIT).health();
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
