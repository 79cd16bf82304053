package fr.guichet.insee.sirene.repository;

import fr.guichet.insee.config.InseeConfig;
import fr.guichet.insee.sirene.service.InseeOperation;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Successful INSEE answers in Redis, per operation and identifier, for {@code guichet.insee.cache.ttl}
 * (1 hour by default). The TTL is the only lifetime: natural persons' data never outlives it.
 * A Redis failure only costs a call to INSEE.
 */
@ApplicationScoped
public class ResponseCache {

    static final String PREFIX = "guichet:insee:response:";
    static final Duration NATURAL_PERSON_MAX = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(ResponseCache.class);

    private final InseeConfig.Cache config;
    private final ValueCommands<String, String> redis;

    public ResponseCache(InseeConfig config, RedisDataSource redis) {
        this.config = config.cache();
        this.redis = redis.value(String.class);
    }

    public boolean enabled() {
        return config.enabled();
    }

    public Optional<String> get(InseeOperation operation, String identifier) {
        try {
            return Optional.ofNullable(redis.get(key(operation, identifier)));
        } catch (RuntimeException e) {
            LOG.warnf("Response cache unavailable (read): %s", e.getMessage());
            return Optional.empty();
        }
    }

    /** Natural persons' data is never kept longer than an hour, whatever the configured TTL. */
    public void put(InseeOperation operation, String identifier, String body, boolean naturalPerson) {
        Duration ttl = naturalPerson && config.ttl().compareTo(NATURAL_PERSON_MAX) > 0 ? NATURAL_PERSON_MAX : config.ttl();
        try {
            redis.set(key(operation, identifier), body, new SetArgs().px(ttl.toMillis()));
        } catch (RuntimeException e) {
            LOG.warnf("Response cache unavailable (write): %s", e.getMessage());
        }
    }

    public static String key(InseeOperation operation, String identifier) {
        return PREFIX + operation.id() + ":" + identifier;
    }
}
