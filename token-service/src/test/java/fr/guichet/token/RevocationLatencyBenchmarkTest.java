package fr.guichet.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Measures revocation propagation on the real PostgreSQL and Redis: for each revoke call, the time
 * from sending it to a subscriber receiving the jti on {@code guichet:revocations}, and the gap
 * between the call's response and the message (negative: the message arrived before the response,
 * since token-service publishes before answering). Asserts delivery, not speed; the figures go to
 * the log and to {@code target/revocation-latency.txt}.
 */
@QuarkusTest
class RevocationLatencyBenchmarkTest {

    private static final Logger LOG = Logger.getLogger(RevocationLatencyBenchmarkTest.class);
    static final int ROUNDS = 30;

    @Inject
    RedisDataSource redis;

    @Test
    void revokeToMessage() throws Exception {
        String admin = Fixtures.adminToken();
        List<String> jtis = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            jtis.add((String) Fixtures.issuedToken(admin).get("jti"));
        }
        List<Double> sendToMessage = new ArrayList<>();
        List<Double> responseToMessage = new ArrayList<>();
        try (RevocationListener listener = new RevocationListener(redis)) {
            Thread.sleep(200); // let the subscription settle
            for (String jti : jtis) {
                long sent = System.nanoTime();
                Fixtures.postReason(admin, "/admin/tokens/" + jti + "/revoke", "Mesure de latence").statusCode(200);
                long answered = System.nanoTime();
                Long received = listener.awaitMessage(jti, 5000);
                assertNotNull(received, "jti " + jti + " published");
                sendToMessage.add((received - sent) / 1e6);
                responseToMessage.add((received - answered) / 1e6);
            }
        }
        assertEquals(ROUNDS, sendToMessage.size());
        String report = String.format(
                "revocation latency over %d revocations (real PostgreSQL + Redis, same host)%n"
                        + "  revoke sent -> message received (ms): p50 %.1f  p95 %.1f  max %.1f%n"
                        + "  response received -> message received (ms): p50 %.1f  max %.1f (negative = message first)%n",
                ROUNDS, pct(sendToMessage, 50), pct(sendToMessage, 95), pct(sendToMessage, 100),
                pct(responseToMessage, 50), pct(responseToMessage, 100));
        LOG.info(report);
        Files.writeString(Path.of("target", "revocation-latency.txt"), report);
    }

    private static double pct(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
