package fr.guichet.token.incident.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The Redis copy of the incident switch the gateways read: the key {@value #KEY} (the JSON of
 * {@link IncidentState}, no expiry) that each gateway re-reads periodically, and a message of the
 * same JSON on {@value #CHANNEL} so that they apply it at once. PostgreSQL stays the authority.
 */
@ApplicationScoped
public class IncidentCopy {

    public static final String KEY = "guichet:incident";
    public static final String CHANNEL = "guichet:incidents";

    private final ReactiveValueCommands<String, String> values;
    private final ReactivePubSubCommands<String> pubsub;
    private final ObjectMapper mapper;

    public IncidentCopy(ReactiveRedisDataSource redis, ObjectMapper mapper) {
        this.values = redis.value(String.class);
        this.pubsub = redis.pubsub(String.class);
        this.mapper = mapper;
    }

    /** Writes the key, then publishes: a gateway that misses the message still reads the key. */
    public Uni<Void> publish(IncidentState state) {
        String json;
        try {
            json = mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return values.set(KEY, json).chain(() -> pubsub.publish(CHANNEL, json));
    }
}
