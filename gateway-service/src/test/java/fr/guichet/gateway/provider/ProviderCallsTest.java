package fr.guichet.gateway.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.gateway.quota.RedisGuard;
import fr.guichet.gateway.service.LocalJwks;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The provider call on the non-blocking data path: a stand-in insee ({@link SlowInsee}) that can
 * hang, with a 500 ms timeout and a bulkhead of 2 with a queue of 1. A hung call ends in 504, a
 * fourth call while two hang and one waits is refused at once with 503, calls that do not hang are served meanwhile, and no Vert.x
 * event loop is ever reported blocked (the data path runs on it).
 */
@QuarkusTest
@WithTestResource(LocalJwks.class)
@WithTestResource(SlowInsee.class)
class ProviderCallsTest {

    static final String PATH = "/v3/insee/sirene/unites_legales/418166096";
    static final String RECIPIENT = "13002526500013";
    static final List<String> LOGS = Collections.synchronizedList(new ArrayList<>());
    static final Handler CAPTURE = new Handler() {
        @Override
        public void publish(LogRecord record) {
            LOGS.add(String.valueOf(record.getMessage()) + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void captureLogs() {
        java.util.logging.Logger.getLogger("").addHandler(CAPTURE);
    }

    @AfterAll
    static void noEventLoopWasBlocked() {
        java.util.logging.Logger.getLogger("").removeHandler(CAPTURE);
        synchronized (LOGS) {
            for (String line : LOGS) {
                assertTrue(!line.contains("has been blocked for") && !line.contains("BlockingOperationNotAllowed"),
                        "an event loop was blocked: " + line);
            }
        }
    }

    /** A token for insee whose state copy is in Redis, as token-service fills it. */
    String token() throws Exception {
        List<String> scopes = List.of("unites_legales_etablissements_insee");
        LocalJwks.Issued issued = LocalJwks.issue(scopes, null);
        redis.hash(String.class).hset(RedisGuard.tokenKey(issued.jti()), Map.of("status", "active",
                "exp", Long.toString(Instant.now().getEpochSecond() + 3600), "scopes", String.join(",", scopes),
                "allowed_ips", "", "rate_limit_per_minute", "0",
                "habilitation_id", issued.habilitationId(), "siret", RECIPIENT, "api_kind", "entreprise"));
        redis.key().expire(RedisGuard.tokenKey(issued.jti()), 600);
        return issued.token();
    }

    static Response call(String token, String object) {
        return given().header("Authorization", "Bearer " + token)
                .when().get(PATH + "?context=Test&recipient=" + RECIPIENT + "&object=" + object);
    }

    @Test
    void anAnswerIsRelayed() throws Exception {
        call(token(), "ok-" + UUID.randomUUID()).then().statusCode(200)
                .body("data.siren", equalTo("418166096"))
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aHungProviderTimesOutWith504WhileOtherCallsAreServed() throws Exception {
        String token = token();
        CompletableFuture<Response> hung = CompletableFuture.supplyAsync(() -> call(token, "hang"));
        // Served while the hung call holds its connection: the gateway has no thread waiting on it.
        call(token, "ok-" + UUID.randomUUID()).then().statusCode(200);
        Response timedOut = hung.join();
        assertEquals(504, timedOut.statusCode());
        assertEquals("01002", timedOut.jsonPath().getString("errors[0].code"));
    }

    @Test
    void beyondTheBulkheadACallIsRefusedAtOnceWith503() throws Exception {
        // Five hanging calls released together, each on a thread of its own (the common pool has
        // one thread on two cores): two fill the bulkhead (2) until their timeout, one waits in its
        // queue (1), and the others are refused without waiting.
        int calls = 5;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            tokens.add(token());
        }
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(calls);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        for (String t : tokens) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return call(t, "hang");
            }, callers));
        }
        go.countDown();
        List<Response> refused = new ArrayList<>();
        for (CompletableFuture<Response> answer : answers) {
            Response r = answer.join();
            if (r.statusCode() == 503) {
                refused.add(r);
            } else {
                assertEquals(504, r.statusCode(), "a call in or waiting for the bulkhead times out");
            }
        }
        callers.shutdown();
        assertTrue(!refused.isEmpty(), "a call beyond the bulkhead and its queue is refused");
        assertTrue(refused.size() <= calls - 3, "at most " + (calls - 3) + " refused: " + refused.size());
        refused.forEach(r -> assertEquals("01011", r.jsonPath().getString("errors[0].code")));
    }
}
