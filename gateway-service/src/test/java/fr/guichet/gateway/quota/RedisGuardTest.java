package fr.guichet.gateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.error.ApiException;
import fr.guichet.gateway.auth.CallerToken;
import fr.guichet.gateway.catalogue.Route;
import fr.guichet.gateway.catalogue.RouteCatalogue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The one-round-trip guard script against the real Redis (db 2 in tests). */
@QuarkusTest
class RedisGuardTest {

    @Inject
    RedisGuard guard;
    @Inject
    RedisDataSource redis;
    @Inject
    RouteCatalogue catalogue;
    @Inject
    RevokedTokens revoked;

    Route insee() {
        return catalogue.byOperation("api_entreprise_v3_insee_unites_legales").orElseThrow();
    }

    CallerToken token(int ratePerMinute, String status) {
        return token(ratePerMinute, status, "hab-" + UUID.randomUUID(), "JWT", Instant.now().getEpochSecond() + 3600);
    }

    /** A token of habilitation {@code habilitation}, its state copy in Redis ending at {@code stateExp}. */
    CallerToken token(int ratePerMinute, String status, String habilitation, String type, long stateExp) {
        String jti = UUID.randomUUID().toString();
        redis.hash(String.class).hset(RedisGuard.tokenKey(jti), Map.of("status", status, "exp", Long.toString(stateExp),
                "scopes", "unites_legales_etablissements_insee", "allowed_ips", "10.0.0.0/8",
                "rate_limit_per_minute", Integer.toString(ratePerMinute), "habilitation_id", habilitation,
                "siret", "13002526500013", "api_kind", "entreprise"));
        redis.key().expire(RedisGuard.tokenKey(jti), 600);
        return new CallerToken(jti, habilitation, "13002526500013", Set.of("unites_legales_etablissements_insee"), type,
                "entreprise", Instant.now().getEpochSecond() + 3600);
    }

    @Test
    void theQuotaIsTheHabilitationsWhicheverTokenCarriesTheCall() {
        String habilitation = "hab-" + UUID.randomUUID();
        long exp = Instant.now().getEpochSecond() + 3600;
        CallerToken longLived = token(2, "active", habilitation, CallerToken.TYPE_API, exp);
        List<CallerToken> accessTokens = List.of(token(2, "active", habilitation, CallerToken.TYPE_ACCESS, exp),
                token(2, "active", habilitation, CallerToken.TYPE_ACCESS, exp),
                token(2, "active", habilitation, CallerToken.TYPE_ACCESS, exp));
        int served = guard.check(longLived, insee(), null).outcome() == GuardDecision.Outcome.OK ? 1 : 0;
        for (int round = 0; round < 2; round++) {
            for (CallerToken t : accessTokens) {
                served += guard.check(t, insee(), null).outcome() == GuardDecision.Outcome.OK ? 1 : 0;
            }
            served += guard.check(longLived, insee(), null).outcome() == GuardDecision.Outcome.OK ? 1 : 0;
        }
        assertEquals(2, served, "a habilitation limited to 2/min serves 2 calls in the minute, over all its tokens");
    }

    @Test
    void aTokenPastTheEndOfItsStateCopyIsExpired() {
        // A prolonged token's predecessor: its JWT runs for months, token-service ended it a minute ago.
        CallerToken predecessor = token(0, "active", "hab-" + UUID.randomUUID(), CallerToken.TYPE_API,
                Instant.now().getEpochSecond() - 60);
        assertEquals(GuardDecision.Outcome.EXPIRED, guard.check(predecessor, insee(), null).outcome());
        assertTrue(guard.state(predecessor).orElseThrow().expired(System.currentTimeMillis()));
    }

    @Test
    void withRedisAwayTheLastStateStillEndsTheTokenAndAnUnknownOneGetsNoState() {
        CallerToken predecessor = token(0, "active", "hab-" + UUID.randomUUID(), CallerToken.TYPE_API,
                Instant.now().getEpochSecond() - 60);
        assertEquals(GuardDecision.Outcome.EXPIRED, guard.check(predecessor, insee(), null).outcome());
        CallerToken stranger = new CallerToken(UUID.randomUUID().toString(), "hab-" + UUID.randomUUID(), "13002526500013",
                Set.of(), "JWT", "entreprise", Instant.now().getEpochSecond() + 60);
        // As when Redis stops answering (the background probe brings normal mode back within a second).
        guard.enterDegraded(new RuntimeException("Redis stopped for this test"));
        GuardDecision ended;
        GuardDecision unknown;
        try {
            ended = guard.check(predecessor, insee(), null);
            unknown = guard.check(stranger, insee(), null);
        } finally {
            guard.recovered(); // the other tests count on Redis' exact quotas
        }
        if (ended.degraded()) {
            assertEquals(GuardDecision.Outcome.EXPIRED, ended.outcome(), "the JWT runs for an hour more, its state ended");
        }
        if (unknown.degraded()) {
            // Neither Redis nor token-service (unreachable here) can tell: no state, so the caller refuses (503 00253).
            assertNull(unknown.state());
        }
        assertTrue(ended.degraded() || unknown.degraded(), "at least one check ran degraded");
    }

    @Test
    void anUnknownStateIsRefusedWith503NotAdmittedWithoutAllowList() {
        CallerToken t = new CallerToken(UUID.randomUUID().toString(), "hab", "13002526500013", Set.of(), "JWT", "entreprise",
                Instant.now().getEpochSecond() + 60);
        // Neither Redis nor token-service (unreachable in this module's tests) knows the token.
        ApiException e = assertThrows(ApiException.class, () -> guard.state(t));
        assertEquals(503, e.status());
        assertEquals("00253", e.errors().get(0).code());
    }

    @Test
    void readsTheStateAndConsumesTheStrictestQuota() {
        CallerToken t = token(3, "active");
        GuardDecision d = guard.check(t, insee(), null);
        assertEquals(GuardDecision.Outcome.OK, d.outcome());
        assertEquals(List.of("10.0.0.0/8"), d.state().allowedIps());
        assertEquals("13002526500013", d.state().siret());
        assertEquals(3, d.limit(), "habilitation's 3/min is stricter than the group's 250/min");
        assertEquals(2, d.remaining());
        assertTrue(d.resetEpochMs() > System.currentTimeMillis());
        assertEquals(GuardDecision.Outcome.OK, guard.check(t, insee(), null).outcome());
        assertEquals(GuardDecision.Outcome.OK, guard.check(t, insee(), null).outcome());
        GuardDecision limited = guard.check(t, insee(), null);
        assertEquals(GuardDecision.Outcome.LIMITED, limited.outcome());
        assertEquals(0, limited.remaining());
        assertTrue(limited.retryAfterMs() > 0 && limited.retryAfterMs() <= 20_000, "one call back every 20 s");
    }

    @Test
    void groupLimitAppliesWithoutHabilitationLimit() {
        CallerToken t = token(0, "active");
        GuardDecision d = guard.check(t, insee(), null);
        assertEquals(250, d.limit());
        assertEquals(249, d.remaining());
    }

    /** Calls from many threads (as from many replicas) share one exact count. */
    @Test
    void exactUnderConcurrency() throws Exception {
        CallerToken t = token(10, "active");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<GuardDecision>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(() -> guard.check(t, insee(), null));
            }
            long ok = 0;
            for (Future<GuardDecision> f : pool.invokeAll(calls)) {
                if (f.get().outcome() == GuardDecision.Outcome.OK) {
                    ok++;
                }
            }
            assertEquals(10, ok);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void revokedTokensAreRefusedAndRememberedLocally() {
        CallerToken t = token(0, "revoked");
        assertEquals(GuardDecision.Outcome.REVOKED, guard.check(t, insee(), null).outcome());
        assertTrue(revoked.isRevoked(t.jti()), "kept for Redis outages");
    }

    @Test
    void revocationChannelFeedsTheLocalSet() throws Exception {
        String jti = UUID.randomUUID().toString();
        redis.pubsub(String.class).publish(RevokedTokens.CHANNEL, jti);
        long deadline = System.currentTimeMillis() + 2000;
        while (!revoked.isRevoked(jti) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(revoked.isRevoked(jti));
    }

    /**
     * Under a burst, calls can switch the gateway into degraded mode and back many times in a
     * second. Each switch back used to re-create the revocation subscription, and each cancelled
     * subscription kept one pooled Redis connection: after as many switches as the pool has
     * connections, every call waited for a connection, the gateway stayed degraded for good.
     */
    @Test
    void switchingInAndOutOfDegradedModeManyTimesKeepsRedisUsable() throws Exception {
        CallerToken t = token(100_000, "active");
        List<java.util.concurrent.CompletableFuture<GuardDecision>> inFlight = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            for (int j = 0; j < 40; j++) {
                inFlight.add(guard.checkAsync(t, insee(), null, null).subscribeAsCompletionStage());
            }
            guard.enterDegraded(new RuntimeException("burst " + i + " for this test"));
            guard.recovered();
        }
        for (var f : inFlight) {
            try {
                f.get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // refusals of the burst itself are not the point here
            }
        }
        long deadline0 = System.currentTimeMillis() + 3000;
        while (guard.degraded() && System.currentTimeMillis() < deadline0) {
            Thread.sleep(50);
        }
        for (int i = 0; i < 5; i++) {
            GuardDecision decision = guard.checkAsync(t, insee(), null, null).await().atMost(java.time.Duration.ofSeconds(5));
            // The burst spent the route's group quota: OK or LIMITED, but decided by Redis.
            assertTrue(!decision.degraded(), "answered by Redis, not by the local limiter: " + decision);
        }
        assertTrue(!guard.degraded());
        String jti = UUID.randomUUID().toString();
        redis.pubsub(String.class).publish(RevokedTokens.CHANNEL, jti);
        long deadline = System.currentTimeMillis() + 2000;
        while (!revoked.isRevoked(jti) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(revoked.isRevoked(jti), "the revocation channel still delivers");
        long subscribers = redis.execute("CLIENT", "LIST").toString().lines()
                .filter(l -> l.contains("cmd=subscribe") || l.matches(".* sub=[1-9].*")).count();
        assertTrue(subscribers <= 4, "subscriber connections: " + subscribers);
    }

    @Test
    void duplicateGuardUntilReleased() throws Exception {
        CallerToken t = token(0, "active");
        String digest = UUID.randomUUID().toString();
        GuardDecision first = guard.check(t, insee(), digest);
        assertEquals(GuardDecision.Outcome.OK, first.outcome());
        assertNotNull(first.guardKey());
        GuardDecision second = guard.check(t, insee(), digest);
        assertEquals(GuardDecision.Outcome.DUPLICATE, second.outcome());
        assertEquals(248 + 1, first.remaining(), "the duplicate consumed no quota");
        guard.release(first.guardKey());
        long deadline = System.currentTimeMillis() + 2000;
        while (redis.key().exists(first.guardKey()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        GuardDecision third = guard.check(t, insee(), digest);
        assertEquals(GuardDecision.Outcome.OK, third.outcome());
        assertEquals(248, third.remaining());
    }

    @Test
    void missingStateAsksTokenServiceAndFailsClosedWhenItIsAway() {
        CallerToken t = new CallerToken(UUID.randomUUID().toString(), "hab", "13002526500013", Set.of(), "JWT", "entreprise",
                Instant.now().getEpochSecond() + 60);
        // No token-service runs in this module's tests: the gateway must refuse, not guess.
        ApiException e = assertThrows(ApiException.class, () -> guard.check(t, insee(), null));
        assertEquals(503, e.status());
        assertEquals("00253", e.errors().get(0).code());
        assertNull(redis.hash(String.class).hget(RedisGuard.tokenKey(t.jti()), "status"));
    }

    /**
     * FranceConnect calls of one habilitation: each end user (its quota subject) has the group's
     * quota, the habilitation's own quota is shared by all of them.
     */
    @Test
    void franceConnectUsersHaveTheirOwnGroupQuotaAndShareTheHabilitations() {
        Route declared = catalogue.byOperation("api_particulier_v3_cnav_quotient_familial_with_france_connect").orElseThrow();
        assertEquals(20, declared.throttle().limit());
        // The same route with a group of 3 calls a minute, so that no refill happens during the test.
        Route fc = new Route(declared.operationId(), declared.baseOperation(), declared.version(), declared.template(),
                declared.provider(), declared.errorPrefix(), declared.scopes(), null,
                new Route.Throttle("test_group", "test_group:" + UUID.randomUUID(), 3, 60), null, false, false, List.of(),
                declared.api(), true, declared.masks(), declared.parameters());
        CallerToken bound = token(5, "active");
        String alice = "fc:" + UUID.randomUUID();
        String bob = "fc:" + UUID.randomUUID();
        int aliceServed = 0;
        for (int i = 0; i < 4; i++) {
            aliceServed += guard.check(bound, fc, null, alice).outcome() == GuardDecision.Outcome.OK ? 1 : 0;
        }
        assertEquals(3, aliceServed, "Alice's group quota");
        int bobServed = 0;
        for (int i = 0; i < 4; i++) {
            bobServed += guard.check(bound, fc, null, bob).outcome() == GuardDecision.Outcome.OK ? 1 : 0;
        }
        assertEquals(2, bobServed, "Bob's calls end with the habilitation's 5 a minute");
    }

    /**
     * API Particulier's 20 calls per second hold in any window of one second: calls spread over
     * the second are not granted the refill a GCRA would give them.
     */
    @Test
    void aPerSecondQuotaHoldsInAnyWindowOfOneSecond() throws InterruptedException {
        Route qf = catalogue.byOperation("api_particulier_v3_cnav_quotient_familial_with_civility").orElseThrow();
        assertEquals(1, qf.throttle().periodSeconds());
        CallerToken t = token(0, "active");
        long began = System.nanoTime();
        int served = 0;
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            GuardDecision d = guard.check(t, qf, null);
            if (d.outcome() == GuardDecision.Outcome.OK) {
                served++;
            } else {
                assertEquals(GuardDecision.Outcome.LIMITED, d.outcome());
                assertTrue(d.retryAfterMs() > 0 && d.retryAfterMs() <= 1000, "retry after " + d.retryAfterMs());
                limited++;
            }
            Thread.sleep(20);
        }
        long elapsedMs = (System.nanoTime() - began) / 1_000_000;
        if (elapsedMs < 1000) {
            assertEquals(20, served, "in " + elapsedMs + " ms");
            assertEquals(5, limited);
        }
        Thread.sleep(1000);
        assertEquals(GuardDecision.Outcome.OK, guard.check(t, qf, null).outcome(), "a new second, a new quota");
    }
}
