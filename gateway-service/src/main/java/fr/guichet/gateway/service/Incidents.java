package fr.guichet.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.gateway.quota.ChannelSubscription;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The operator's incident switches: cut the whole data plane, or some providers, with a 503
 * {@code XX020} announcing {@code retry_in} (and {@code Retry-After}; see {@link GatewayService}). Two sources, either of which cuts (OR): the static
 * {@code guichet.gateway.incident.*} settings, read at start-up, and the runtime switch set through
 * token-service's {@code PUT /admin/incident}, whose copy this replica reads from Redis — applied at
 * once from each message of {@value #CHANNEL}, and re-read from the key {@value #KEY} every
 * {@code guichet.gateway.incident.refresh} (5 s by default) so that a missed message, or a dropped
 * subscription, costs at most one period. While Redis is unreachable, or the key absent (Redis
 * flushed, until token-service republishes it), the last known runtime state stays in force.
 */
@ApplicationScoped
public class Incidents {

    /** Redis key holding token-service's copy of the runtime switch (JSON). */
    public static final String KEY = "guichet:incident";
    /** Channel on which token-service publishes each change (the same JSON). */
    public static final String CHANNEL = "guichet:incidents";
    static final String STATIC_REASON = "Coupure configurée sur la passerelle (guichet.gateway.incident).";
    private static final Logger LOG = Logger.getLogger(Incidents.class);

    /**
     * A runtime switch as token-service publishes it.
     *
     * @param retryIn seconds announced to callers
     */
    public record State(boolean dataPlaneCut, Set<String> cutProviders, long retryIn, String reason, String updatedAt) {

        static final State NONE = new State(false, Set.of(), 0, null, null);

        boolean cuts(String provider) {
            return dataPlaneCut || cutProviders.contains(provider);
        }
    }

    private final boolean staticDataPlaneCut;
    private final Set<String> staticCutProviders;
    private final long staticRetryIn;
    private final RedisDataSource redis;
    private final ObjectMapper mapper;
    private final AtomicBoolean unreachable = new AtomicBoolean();
    private volatile State runtime = State.NONE;
    private final ChannelSubscription channel;

    public Incidents(GatewayConfig config, RedisDataSource redis, ReactiveRedisDataSource reactiveRedis, ObjectMapper mapper) {
        this.staticDataPlaneCut = config.incident().dataPlaneCut();
        this.staticCutProviders = Set.copyOf(config.incident().cutProviders().orElse(List.of()));
        this.staticRetryIn = config.incident().retryIn();
        this.redis = redis;
        this.channel = new ChannelSubscription(reactiveRedis, CHANNEL, this::apply, failure ->
                LOG.debugf("Incident channel lost (%s): re-subscribing at the next refresh", failure.toString()));
        this.mapper = mapper;
    }

    void start(@Observes StartupEvent event) {
        refresh();
    }

    void stop(@Observes ShutdownEvent event) {
        channel.close();
    }

    /** Whether calls to {@code provider} are cut, by either source. */
    public boolean isCut(String provider) {
        return retryIn(provider).isPresent();
    }

    /** Seconds to announce when {@code provider} is cut (the longer of both sources'); empty when not cut. */
    public OptionalLong retryIn(String provider) {
        State r = runtime;
        boolean byRuntime = r.cuts(provider);
        boolean byConfig = staticDataPlaneCut || staticCutProviders.contains(provider);
        if (!byRuntime && !byConfig) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(byRuntime ? r.retryIn() : 0, byConfig ? staticRetryIn : 0));
    }

    /** Why {@code provider} is cut (the operator's reason first); empty when not cut. */
    public Optional<String> reason(String provider) {
        State r = runtime;
        if (r.cuts(provider)) {
            return Optional.of(r.reason() == null ? STATIC_REASON : r.reason());
        }
        return staticDataPlaneCut || staticCutProviders.contains(provider) ? Optional.of(STATIC_REASON) : Optional.empty();
    }

    /** The runtime switch this replica applies (nothing cut until one is read). */
    public State runtime() {
        return runtime;
    }

    /**
     * Re-reads the key, and re-subscribes to the channel when the subscription is gone. Redis
     * unreachable: the last known state is kept, with one WARN until Redis answers again.
     */
    @Scheduled(every = "${guichet.gateway.incident.refresh:5s}", delayed = "${guichet.gateway.incident.refresh:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        String json;
        try {
            json = redis.value(String.class).get(KEY);
        } catch (RuntimeException e) {
            if (unreachable.compareAndSet(false, true)) {
                LOG.warnf("Incident switch not read from Redis (%s): last known state kept (%s)", e.toString(), describe(runtime));
            }
            return;
        }
        if (unreachable.compareAndSet(true, false)) {
            LOG.info("Incident switch read from Redis again");
            channel.reopen();
        }
        if (json != null) {
            apply(json);
        }
        channel.open();
    }

    /** Applies one published state (a message of the channel, or the key's value); unreadable JSON is ignored. */
    public void apply(String json) {
        State next;
        try {
            JsonNode n = mapper.readTree(json);
            Set<String> cut = new LinkedHashSet<>();
            n.path("cut_providers").forEach(p -> cut.add(p.asText()));
            next = new State(n.path("data_plane_cut").asBoolean(false), Set.copyOf(cut),
                    Math.max(1, n.path("retry_in").asLong(300)), n.path("reason").asText(null), n.path("updated_at").asText(null));
        } catch (Exception e) {
            LOG.warnf("Unreadable incident switch ignored (%s): last known state kept", e.toString());
            return;
        }
        State previous = runtime;
        runtime = next;
        if (!next.equals(previous)) {
            LOG.infof("Incident switch applied: %s", describe(next));
        }
    }

    private static String describe(State s) {
        if (!s.dataPlaneCut() && s.cutProviders().isEmpty()) {
            return "nothing cut";
        }
        return (s.dataPlaneCut() ? "data plane cut" : "providers cut " + s.cutProviders()) + ", retry in " + s.retryIn()
                + " s, set " + s.updatedAt();
    }
}
