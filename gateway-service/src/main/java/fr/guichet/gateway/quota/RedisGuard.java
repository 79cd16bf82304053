package fr.guichet.gateway.quota;

import fr.guichet.gateway.auth.CallerToken;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.config.GatewayConfig;
import fr.guichet.gateway.period.PeriodRights;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One Redis round trip per call: {@code guard.lua} (loaded once, run with EVALSHA) reads the
 * token's state copy, refuses revoked tokens, consumes every applicable quota (strictest wins)
 * and sets the duplicate-request guard. When Redis cannot answer, calls continue under
 * {@link LocalLimiter} and {@link RevokedTokens}; normal mode resumes by itself.
 */
@ApplicationScoped
@Startup
public class RedisGuard {

    public static final String SCRIPT = "guichet/gateway/guard.lua";
    private static final Logger LOG = Logger.getLogger(RedisGuard.class);
    private static final String FILL = "if redis.call('EXISTS', KEYS[1]) == 0 then "
            + "redis.call('HSET', KEYS[1], unpack(ARGV, 2)) redis.call('EXPIREAT', KEYS[1], ARGV[1]) end return 1";
    private static final int KNOWN_STATES_MAX = 100_000;

    private final RedisDataSource redis;
    private final ReactiveRedisDataSource reactive;
    private final TokenServiceClient tokenService;
    private final RevokedTokens revoked;
    private final GatewayConfig.Limits config;
    private final LocalLimiter local;
    private final RedisBatcher batcher;
    private final String script;
    private volatile String sha;
    private final java.time.Duration redisTimeout = org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getOptionalValue("quarkus.redis.timeout", java.time.Duration.class).orElse(java.time.Duration.ofSeconds(1));
    private final AtomicBoolean degraded = new AtomicBoolean();
    /** When the current degraded period began, epoch ms. */
    private volatile long degradedSinceMs;
    /**
     * Last state read per jti: IP allow-list and habilitation quota while degraded; with the script's
     * text of it ({@code raw}, null when read otherwise), so that an unchanged state is not parsed again.
     */
    private final Map<String, Known> knownStates = new ConcurrentHashMap<>();

    /** A token's state as last read, and the guard script's text it was parsed from (null when read otherwise). */
    private record Known(TokenState state, String raw) {
    }

    /** Separates the fields of the guard script's answer (US, 0x1F: guard.lua). */
    static final char SEPARATOR = '\u001f';
    /** The state copy's fields in the script's answer, in order (guard.lua). */
    private static final int STATE_FIELDS = 10;

    public RedisGuard(RedisDataSource redis, ReactiveRedisDataSource reactive, TokenServiceClient tokenService,
                      RevokedTokens revoked, GatewayConfig config, MeterRegistry registry) {
        this.redis = redis;
        this.reactive = reactive;
        this.tokenService = tokenService;
        this.revoked = revoked;
        this.config = config.limits();
        this.local = new LocalLimiter(this.config.degradedShare());
        this.batcher = new RedisBatcher(reactive.getRedis().getDelegate(), registry);
        this.script = load();
        io.micrometer.core.instrument.Gauge.builder("guichet.gateway.degraded", degraded, d -> d.get() ? 1 : 0)
                .description("1 while Redis is unreachable and the gateway limits calls with its local, degraded limiter")
                .register(registry);
    }

    public static String tokenKey(String jti) {
        return "guichet:token:" + jti;
    }

    public boolean degraded() {
        return degraded.get();
    }

    /**
     * The key quotas are counted under: the habilitation ({@code sub}), so that its long-lived
     * token and its OAuth2 access tokens share one quota; the jti only for a token without subject.
     */
    static String quotaOwner(CallerToken token) {
        return token.habilitationId() == null || token.habilitationId().isBlank()
                ? "jti:" + token.jti() : "hab:" + token.habilitationId();
    }

    /**
     * The token's state without consuming any quota (for {@code /privileges}): Redis, else
     * token-service, else (Redis unreachable) this replica's last copy or token-service.
     *
     * @return empty when token-service does not know the token
     * @throws fr.guichet.common.error.ApiException 503 {@code 00253} when nobody can tell
     */
    public Optional<TokenState> state(CallerToken token) {
        if (!degraded.get()) {
            try {
                Map<String, String> hash = redis.hash(String.class).hgetall(tokenKey(token.jti()));
                if (hash != null && hash.get("status") != null) {
                    TokenState state = fromHash(hash);
                    remember(token.jti(), state);
                    return Optional.of(state);
                }
            } catch (RuntimeException e) {
                enterDegraded(e);
            }
        }
        Known known = knownStates.get(token.jti());
        if (known != null && degraded.get()) {
            return Optional.of(known.state());
        }
        try {
            Optional<TokenState> fetched = tokenService.fetch(token.jti());
            fetched.ifPresent(s -> remember(token.jti(), s));
            return fetched;
        } catch (fr.guichet.common.error.ApiException e) {
            throw fr.guichet.gateway.service.Errors.tokenStateUnknown();
        }
    }

    /** Decides one call. {@code guardDigest} names the duplicate guard (null: no guard). */
    public GuardDecision check(CallerToken token, Route route, String guardDigest) {
        return check(token, route, guardDigest, null);
    }

    /**
     * Decides one call whose group quota is counted under {@code groupSubject} rather than the
     * token's habilitation (FranceConnect: {@code fc:<hash of the end user's token>}, so that one
     * end user cannot spend the group quota of every user of the démarche); the habilitation's own
     * quota stays the habilitation's. Null: the habilitation's, as {@link #check(CallerToken, Route, String)}.
     */
    public GuardDecision check(CallerToken token, Route route, String guardDigest, String groupSubject) {
        return checkAsync(token, route, guardDigest, groupSubject).await().indefinitely();
    }

    /**
     * As {@link #check(CallerToken, Route, String, String)} without parking a thread: the script
     * runs on the reactive client (one EVALSHA). The rare steps that are blocking by nature, a
     * state copy missing from Redis (token-service fetch, then fill) and the degraded local check
     * (which may ask token-service), run on a worker thread, never on the event loop.
     */
    public Uni<GuardDecision> checkAsync(CallerToken token, Route route, String guardDigest, String groupSubject) {
        long now = System.currentTimeMillis();
        if (revoked.isRevoked(token.jti())) {
            return Uni.createFrom().item(new GuardDecision(GuardDecision.Outcome.REVOKED, null, 0, 0, now, 0, null, degraded.get()));
        }
        if (degraded.get()) {
            // Only the background probe brings Redis back: calls never wait on a dead Redis twice.
            return blocking(() -> localCheck(token, route, now, groupSubject));
        }
        return runScriptAsync(token, route, guardDigest, now, groupSubject)
                .onItem().transformToUni(decision -> decision != null ? Uni.createFrom().item(decision)
                        : blocking(() -> fetchFillAndRetry(token, route, guardDigest, now, groupSubject)))
                .onItem().invoke(decision -> recovered())
                .onFailure(e -> !(e instanceof fr.guichet.common.error.ApiException)).recoverWithUni(e -> {
                    enterDegraded(e instanceof RuntimeException r ? r : new IllegalStateException(e));
                    return blocking(() -> localCheck(token, route, now, groupSubject));
                });
    }

    /** State copy missing from Redis: token-service is the authority, then fill Redis and run the script again. */
    private GuardDecision fetchFillAndRetry(CallerToken token, Route route, String guardDigest, long now, String groupSubject) {
        Optional<TokenState> state;
        try {
            state = tokenService.fetch(token.jti());
        } catch (fr.guichet.common.error.ApiException e) {
            throw fr.guichet.gateway.service.Errors.tokenStateUnknown();
        }
        if (state.isEmpty()) {
            return new GuardDecision(GuardDecision.Outcome.UNKNOWN_TOKEN, null, 0, 0, now, 0, null, false);
        }
        fill(token.jti(), state.get());
        long later = System.currentTimeMillis();
        GuardDecision decision = decide(token, guardDigest, later,
                evalsha(scriptArguments(token, route, guardDigest, later, groupSubject)));
        return decision != null ? decision : new GuardDecision(GuardDecision.Outcome.UNKNOWN_TOKEN, null, 0, 0, now, 0, null, false);
    }

    /** Runs a blocking step on a worker thread: the caller's event loop never waits on it. */
    private static <T> Uni<T> blocking(java.util.function.Supplier<T> step) {
        return Uni.createFrom().item(step).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Releases the duplicate guard once the call has its answer (asynchronously, off the response
     * path), with the other Redis commands of the event loop's turn ({@link RedisBatcher}).
     */
    public void release(String guardKey) {
        if (guardKey != null && !degraded.get()) {
            batcher.send(Request.cmd(Command.DEL).arg(guardKey))
                    .subscribe().with(n -> { }, f -> LOG.debugf("Guard %s not released: %s", guardKey, f));
        }
    }

    private String[] scriptArguments(CallerToken token, Route route, String guardDigest, long now, String groupSubject) {
        String owner = quotaOwner(token);
        String groupOwner = groupSubject == null ? owner : groupSubject;
        return new String[] {
                tokenKey(token.jti()),
                "guichet:rl:" + groupOwner + ":" + route.throttle().key(),
                "guichet:rl:" + owner + ":habilitation",
                guardKey(guardDigest),
                Long.toString(now),
                Integer.toString(route.throttle().limit()),
                Long.toString(route.throttle().periodSeconds() * 1000L),
                guardDigest == null ? "0" : Long.toString(config.duplicateGuardTtl().toMillis())
        };
    }

    private static String guardKey(String guardDigest) {
        return guardDigest == null ? "guichet:dup:none" : "guichet:dup:" + guardDigest;
    }

    private Uni<GuardDecision> runScriptAsync(CallerToken token, Route route, String guardDigest, long now, String groupSubject) {
        return evalshaAsync(scriptArguments(token, route, guardDigest, now, groupSubject))
                .onItem().transform(r -> decide(token, guardDigest, now, r));
    }

    /**
     * The decision the script's answer carries (one string: guard.lua); null when the token's state
     * copy is missing.
     */
    private GuardDecision decide(CallerToken token, String guardDigest, long now, Response r) {
        String jti = token.jti();
        String guardKey = guardKey(guardDigest);
        String reply = r.toString();
        if ("miss".equals(reply)) {
            return null;
        }
        int outcomeEnd = reply.indexOf(SEPARATOR);
        int limitEnd = reply.indexOf(SEPARATOR, outcomeEnd + 1);
        int remainingEnd = reply.indexOf(SEPARATOR, limitEnd + 1);
        int resetEnd = reply.indexOf(SEPARATOR, remainingEnd + 1);
        int retryEnd = reply.indexOf(SEPARATOR, resetEnd + 1);
        String outcome = reply.substring(0, outcomeEnd);
        int limit = Integer.parseInt(reply, outcomeEnd + 1, limitEnd, 10);
        int remaining = Integer.parseInt(reply, limitEnd + 1, remainingEnd, 10);
        long reset = Long.parseLong(reply, remainingEnd + 1, resetEnd, 10);
        long retry = Long.parseLong(reply, resetEnd + 1, retryEnd, 10);
        TokenState state = state(jti, reply.substring(retryEnd + 1));
        return switch (outcome) {
            case "revoked" -> {
                revoked.add(jti, state.exp());
                yield new GuardDecision(GuardDecision.Outcome.REVOKED, state, limit, remaining, reset, 0, null, false);
            }
            case "expired" -> new GuardDecision(GuardDecision.Outcome.EXPIRED, state, 0, 0, now, 0, null, false);
            case "limited" -> new GuardDecision(GuardDecision.Outcome.LIMITED, state, limit, 0, reset, retry, null, false);
            case "duplicate" -> new GuardDecision(GuardDecision.Outcome.DUPLICATE, state, limit, remaining, reset, 0, null, false);
            default -> new GuardDecision(GuardDecision.Outcome.OK, state, limit, remaining, reset, 0,
                    guardDigest == null ? null : guardKey, false);
        };
    }

    /** The blocking form of {@link #evalshaAsync}, for steps already on a worker thread. */
    private Response evalsha(String[] args) {
        return evalshaAsync(args).await().indefinitely();
    }

    /**
     * EVALSHA on the reactive client, sent with the other commands of the event loop's turn
     * ({@link RedisBatcher}); a Redis that lost its scripts gets the script once more.
     */
    private Uni<Response> evalshaAsync(String[] args) {
        String current = sha;
        Uni<String> loaded = current != null ? Uni.createFrom().item(current) : loadScriptAsync();
        return loaded.onItem().transformToUni(s -> batcher.send(command(s, args)))
                // Redis restarted or flushed its scripts: load once more and retry.
                .onFailure(e -> String.valueOf(e.getMessage()).contains("NOSCRIPT")).recoverWithUni(e ->
                        loadScriptAsync().onItem().transformToUni(s -> batcher.send(command(s, args))))
                // As the blocking client's quarkus.redis.timeout: a slow Redis means degraded mode, not queued calls.
                .ifNoItem().after(redisTimeout).fail();
    }

    private static Request command(String sha, String[] args) {
        Request command = Request.cmd(Command.EVALSHA).arg(sha).arg(4);
        for (String arg : args) {
            command.arg(arg);
        }
        return command;
    }

    private Uni<String> loadScriptAsync() {
        return reactive.execute("SCRIPT", "LOAD", script).onItem().transform(r -> {
            sha = r.toString();
            return sha;
        });
    }

    private void fill(String jti, TokenState s) {
        redis.execute("EVAL", FILL, "1", tokenKey(jti), Long.toString(s.exp() + 60),
                "status", s.status(), "exp", Long.toString(s.exp()), "scopes", String.join(",", s.scopes()),
                "allowed_ips", String.join(",", s.allowedIps()), "rate_limit_per_minute", Integer.toString(s.rateLimitPerMinute()),
                "habilitation_id", nz(s.habilitationId()), "siret", nz(s.siret()), "api_kind", nz(s.apiKind()),
                "periods", nz(s.periods().json()), "suspended", nz(s.suspended()));
    }

    /**
     * Redis unreachable: this replica's last copy of the token's state, else token-service's;
     * a token whose state nobody can tell gets a null state (refused by the caller: its status
     * and IP allow-list are unknown), never an empty allow-list.
     */
    private GuardDecision localCheck(CallerToken token, Route route, long now, String groupSubject) {
        Known last = knownStates.get(token.jti());
        TokenState known = last == null ? null : last.state();
        if (known == null) {
            try {
                Optional<TokenState> fetched = tokenService.fetch(token.jti());
                if (fetched.isEmpty()) {
                    return new GuardDecision(GuardDecision.Outcome.UNKNOWN_TOKEN, null, 0, 0, now, 0, null, true);
                }
                known = fetched.get();
                remember(token.jti(), known);
            } catch (fr.guichet.common.error.ApiException e) {
                return new GuardDecision(GuardDecision.Outcome.OK, null, 0, 0, now, 0, null, true);
            }
        }
        if (known.revoked()) {
            revoked.add(token.jti(), known.exp());
            return new GuardDecision(GuardDecision.Outcome.REVOKED, known, 0, 0, now, 0, null, true);
        }
        if (known.expired(now)) {
            return new GuardDecision(GuardDecision.Outcome.EXPIRED, known, 0, 0, now, 0, null, true);
        }
        String owner = quotaOwner(token);
        List<LocalLimiter.Limit> limits = new ArrayList<>();
        limits.add(new LocalLimiter.Limit((groupSubject == null ? owner : groupSubject) + ":" + route.throttle().key(), route.throttle().limit(),
                route.throttle().periodSeconds() * 1000L));
        if (known.rateLimitPerMinute() > 0) {
            limits.add(new LocalLimiter.Limit(owner + ":habilitation", known.rateLimitPerMinute(), 60_000));
        }
        LocalLimiter.Result r = local.acquire(now, limits.toArray(LocalLimiter.Limit[]::new));
        if (!r.allowed()) {
            return new GuardDecision(GuardDecision.Outcome.LIMITED, known, r.limit(), 0, r.resetEpochMs(), r.retryAfterMs(), null, true);
        }
        return new GuardDecision(GuardDecision.Outcome.OK, known, r.limit(), r.remaining(), r.resetEpochMs(), 0, null, true);
    }

    /** Switches to degraded mode (local limits, last known states); package-private so tests can simulate an outage. */
    void enterDegraded(RuntimeException e) {
        if (degraded.compareAndSet(false, true)) {
            degradedSinceMs = System.currentTimeMillis();
            LOG.errorf("Redis unreachable (%s): DEGRADED mode, local limits at %.0f%% of each quota, local revocation set",
                    e.toString(), config.degradedShare() * 100);
        }
    }

    /**
     * Back to normal mode once Redis answers. After an outage as long as the Redis timeout (Redis
     * may have restarted), the revocation subscription is re-created, as it may be silently dead;
     * after a shorter blip it is only re-opened if it died, because re-creating it at every blip
     * of a burst churned Redis connections (each subscription holds one) until none was left.
     */
    void recovered() {
        if (degraded.compareAndSet(true, false)) {
            LOG.info("Redis answers again: normal mode resumed");
            if (System.currentTimeMillis() - degradedSinceMs >= redisTimeout.toMillis()) {
                revoked.resubscribe();
            } else {
                revoked.subscribe();
            }
        }
    }

    /** While degraded, checks Redis in the background so normal mode resumes without traffic. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        if (!degraded.get() && revoked.subscribed()) {
            return;
        }
        try {
            redis.execute("PING");
            recovered();
            revoked.subscribe();
        } catch (RuntimeException e) {
            LOG.debugf("Redis still unreachable: %s", e.toString());
        }
    }

    /** Readiness: Redis answers a PING. */
    public boolean ping() {
        try {
            redis.execute("PING");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void remember(String jti, TokenState state) {
        remember(jti, new Known(state, null));
    }

    private void remember(String jti, Known known) {
        if (knownStates.size() >= KNOWN_STATES_MAX) {
            knownStates.clear();
        }
        knownStates.put(jti, known);
    }

    private static TokenState fromHash(Map<String, String> h) {
        String perMinute = h.getOrDefault("rate_limit_per_minute", "");
        String exp = h.getOrDefault("exp", "");
        return new TokenState(h.get("status"), exp.isBlank() ? 0 : Long.parseLong(exp.trim()),
                Set.copyOf(split(h.get("scopes"))), split(h.get("allowed_ips")),
                perMinute.isBlank() ? 0 : Integer.parseInt(perMinute.trim()), blankToNull(h.get("habilitation_id")),
                blankToNull(h.get("siret")), blankToNull(h.get("api_kind")), PeriodRights.parse(h.get("periods")),
                blankToNull(h.get("suspended")));
    }

    /**
     * The state the script's text {@code raw} describes: the one parsed last time for this token
     * when the text is the same (it changes only when token-service rewrites the copy), else parsed
     * and remembered.
     */
    private TokenState state(String jti, String raw) {
        Known last = knownStates.get(jti);
        if (last != null && raw.equals(last.raw())) {
            return last.state();
        }
        TokenState state = parseState(raw);
        remember(jti, new Known(state, raw));
        return state;
    }

    /** The ten state fields of the script's answer (status, exp, scopes, ..., suspended: guard.lua). */
    static TokenState parseState(String raw) {
        String[] f = new String[STATE_FIELDS];
        int from = 0;
        for (int i = 0; i < STATE_FIELDS - 1; i++) {
            int end = raw.indexOf(SEPARATOR, from);
            f[i] = raw.substring(from, end);
            from = end + 1;
        }
        f[STATE_FIELDS - 1] = raw.substring(from);
        int perMinute = f[4].isBlank() ? 0 : Integer.parseInt(f[4].trim());
        long exp = f[1].isBlank() ? 0 : Long.parseLong(f[1].trim());
        return new TokenState(f[0], exp, Set.copyOf(new LinkedHashSet<>(split(f[2]))), split(f[3]), perMinute,
                blankToNull(f[5]), blankToNull(f[6]), blankToNull(f[7]), PeriodRights.parse(f[8]), blankToNull(f[9]));
    }

    private static List<String> split(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
