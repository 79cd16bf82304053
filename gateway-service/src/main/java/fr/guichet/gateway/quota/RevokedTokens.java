package fr.guichet.gateway.quota;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * This replica's own set of revoked {@code jti}s, so that a Redis outage never readmits a revoked
 * token, even on a replica that restarts or joins during the outage. Fed by token-service's list
 * ({@code GET /internal/tokens/revoked}, at start and every
 * {@code guichet.gateway.revocations.refresh-interval}; a failure, 404 included, is logged and
 * retried at the next period), by the {@code guichet:revocations} channel and by every revoked
 * state the guard reads; kept in a local file ({@code guichet.gateway.revocations.file}) read
 * first at start, so a restart with both Redis and token-service away still refuses them.
 * Entries leave once their token's end ({@code exp}) has passed. The channel subscription is
 * re-established by {@link RedisGuard}'s probe when it drops.
 */
@ApplicationScoped
public class RevokedTokens {

    public static final String CHANNEL = "guichet:revocations";
    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);
    private static final int MAX_ENTRIES = 1_000_000;
    /** End assumed for a jti learnt without its exp: the longest API token lifetime (18 months). */
    static final long UNKNOWN_END_SECONDS = Duration.ofDays(549).toSeconds();

    /** jti → end of the token (epoch seconds). */
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();
    private final TokenServiceClient tokenService;
    private final ObjectMapper mapper;
    private final Path file;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile boolean loadedFromTokenService;
    private volatile boolean loadedFromFile;
    private final ChannelSubscription channel;

    public RevokedTokens(ReactiveRedisDataSource redis, TokenServiceClient tokenService, ObjectMapper mapper,
                         GatewayConfig config) {
        this.channel = new ChannelSubscription(redis, CHANNEL, this::add, failure -> LOG.warnf(
                "Revocation channel lost (%s); local set kept, resubscribing when Redis answers", failure.toString()));
        this.tokenService = tokenService;
        this.mapper = mapper;
        this.file = config.revocations().file().map(Path::of)
                .orElseGet(() -> Path.of(config.journal().dir()).resolve("revoked-tokens.json"));
    }

    void start(@Observes StartupEvent event) {
        loadFile();
        subscribe();
    }

    void stop(@Observes ShutdownEvent event) {
        channel.close();
        persist();
    }

    public boolean isRevoked(String jti) {
        return revoked.containsKey(jti);
    }

    /** Marks {@code jti} revoked until {@code exp} (epoch seconds; 0 when unknown). */
    public void add(String jti, long exp) {
        long end = exp > 0 ? exp : System.currentTimeMillis() / 1000 + UNKNOWN_END_SECONDS;
        if (revoked.size() >= MAX_ENTRIES) {
            prune(System.currentTimeMillis() / 1000);
        }
        if (revoked.putIfAbsent(jti, end) == null) {
            dirty.set(true);
            LOG.infof("Token %s revoked: refused by this replica from now on", jti);
        }
    }

    /** Marks {@code jti} revoked, its end unknown (a message of the revocation channel). */
    public void add(String jti) {
        add(jti, 0);
    }

    /** True once token-service's list has been read at least once since start. */
    public boolean loadedFromTokenService() {
        return loadedFromTokenService;
    }

    /** True once a revoked set is held: the local file was read at start, or token-service's list. */
    public boolean loaded() {
        return loadedFromFile || loadedFromTokenService;
    }

    /** The file the set is kept in. */
    public Path file() {
        return file;
    }

    /** Reads token-service's list now and merges it in; a failure is logged and retried at the next period. */
    @Scheduled(every = "${guichet.gateway.revocations.refresh-interval:PT1M}", delayed = "PT1S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            var list = tokenService.revoked();
            list.forEach(r -> add(r.jti(), r.exp()));
            loadedFromTokenService = true;
            if (!Files.exists(file)) {
                dirty.set(true); // even empty: a restart during an outage then starts from a known set
            }
            LOG.debugf("Revoked tokens read from token-service: %d", list.size());
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Revoked tokens not read from token-service (%s): the local set (%d) stays in force, retrying later",
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), revoked.size());
        }
        prune(System.currentTimeMillis() / 1000);
        persist();
    }

    /** Writes the set to its file when it changed (atomically: readers never see half a file). */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void persist() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, mapper.writeValueAsBytes(new TreeMap<>(revoked)));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            dirty.set(true);
            LOG.errorf("Revoked set not written to %s: %s", file, e.toString());
        }
    }

    void loadFile() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            Map<String, Long> stored = mapper.readValue(file.toFile(), new TypeReference<Map<String, Long>>() { });
            revoked.putAll(stored);
            prune(System.currentTimeMillis() / 1000);
            loadedFromFile = true;
            LOG.infof("Revoked set read from %s: %d tokens", file, revoked.size());
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Revoked set in %s unreadable (%s): relying on token-service and Redis", file, e.toString());
        }
    }

    private void prune(long nowSeconds) {
        if (revoked.values().removeIf(end -> end < nowSeconds)) {
            dirty.set(true);
        }
    }

    public boolean subscribed() {
        return channel.alive();
    }

    /** (Re)subscribes to the revocation channel; a no-op while the subscription is alive. */
    public void subscribe() {
        channel.open();
    }

    /** Re-creates the subscription (e.g. after a Redis restart, when it may be silently dead). */
    public void resubscribe() {
        channel.reopen();
    }
}
