package fr.guichet.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.guichet.common.trace.TraceEvent;
import fr.guichet.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the shipper acts on trace-service's answers (IngestionResource's contract): 200 and 422
 * advance the journal, a 422's refused events are kept in the dead-letter file, anything else
 * (and a 422 that stored nothing) leaves the batch in the journal for the next attempt.
 */
class TraceShipperTest {

    @TempDir
    Path dir;

    TraceJournal journal;
    SimpleMeterRegistry registry;
    TraceShipper shipper;

    record TraceConfig(String url, String secret, String client, int batchSize, Duration shipInterval,
                       Duration timeout) implements GatewayConfig.TraceService {
    }

    @BeforeEach
    void open() {
        journal = new TraceJournal(new TraceJournalTest.Config(dir.toString(), 1 << 20, 1 << 20, true,
                Duration.ofSeconds(2)), TraceJournalTest.MAPPER, new SimpleMeterRegistry());
        journal.open();
        registry = new SimpleMeterRegistry();
        shipper = new TraceShipper(journal, new TraceConfig("http://127.0.0.1:1", "s", "gateway", 10,
                Duration.ofMillis(200), Duration.ofSeconds(1)), registry);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    TraceJournal.Chunk batchOf(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            journal.append(TraceJournalTest.event(i));
        }
        TraceJournal.Chunk chunk = journal.read(journal.readOffset(), 10);
        assertEquals(n, chunk.lines().size());
        return chunk;
    }

    List<String> deadLetters() throws IOException {
        Path file = dir.resolve(TraceShipper.DEAD_LETTER_FILE);
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    double counter(String name) {
        return registry.get(name).counter().count();
    }

    /** trace-service's 422 body for events refused at these indexes (as TraceErrors.invalidEvent writes it). */
    static String partialIngestion(int accepted, int... refused) {
        List<String> errors = new ArrayList<>();
        for (int i : refused) {
            errors.add("{\"code\":\"00201\",\"title\":\"Entité non traitable\",\"detail\":\"L'événement est mal formé\","
                    + "\"source\":{\"pointer\":\"/" + i + "/operation\"},\"meta\":{\"index\":" + i + "}}");
        }
        return "{\"errors\":[" + String.join(",", errors) + "],\"accepted\":" + accepted + ",\"duplicates\":0}";
    }

    @Test
    void pendingEventsAndLastShipmentFollowTheJournal() throws Exception {
        assertEquals(0.0, registry.get("guichet.gateway.trace.last.shipped.seconds").gauge().value(),
                "nothing shipped yet");
        TraceJournal.Chunk chunk = batchOf(3);
        assertEquals(3, journal.pendingEvents());

        assertThrows(IOException.class, () -> shipper.onAnswer(chunk, 503, "indisponible"));
        assertEquals(0.0, registry.get("guichet.gateway.trace.last.shipped.seconds").gauge().value(),
                "a refused batch is no shipment");
        assertEquals(3, journal.pendingEvents());

        long before = java.time.Instant.now().getEpochSecond();
        shipper.onAnswer(chunk, 200, "{\"accepted\":3,\"duplicates\":0}");
        assertEquals(0, journal.pendingEvents());
        assertTrue(registry.get("guichet.gateway.trace.last.shipped.seconds").gauge().value() >= before);

        journal.append(TraceJournalTest.event(9));
        journal.close();
        journal.open();
        assertEquals(1, journal.pendingEvents(), "a restart counts the events still to ship");
    }

    @Test
    void partialIngestionAdvancesAndKeepsTheRefusedEvents() throws Exception {
        TraceJournal.Chunk chunk = batchOf(4);

        shipper.onAnswer(chunk, 422, partialIngestion(2, 1, 3));

        assertEquals(chunk.next(), journal.readOffset(), "the batch is delivered: the journal moves past it");
        List<String> kept = deadLetters();
        assertEquals(2, kept.size());
        assertArrayEquals(chunk.lines().get(1), kept.get(0).getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(chunk.lines().get(3), kept.get(1).getBytes(StandardCharsets.UTF_8));
        // The dead letters are the events themselves, readable for a later replay.
        TraceEvent event = TraceJournalTest.MAPPER.readValue(kept.get(0), TraceEvent.class);
        assertEquals("req-1", event.requestId());
        assertEquals(2.0, counter("guichet.gateway.traces.dead_lettered"));
        assertEquals(2.0, counter("guichet.gateway.traces.shipped"));
        assertTrue(journal.read(journal.readOffset(), 10).lines().isEmpty(), "shipping is not blocked");
    }

    @Test
    void refusedEventsAreFoundByPointerWhenMetaIsMissing() throws Exception {
        TraceJournal.Chunk chunk = batchOf(3);

        shipper.onAnswer(chunk, 422, "{\"errors\":[{\"code\":\"00201\",\"source\":{\"pointer\":\"/2/status\"}},"
                + "{\"code\":\"00201\",\"source\":{\"pointer\":\"/2/operation\"}},"
                + "{\"code\":\"00201\",\"source\":{\"pointer\":\"/7\"}}],\"accepted\":2,\"duplicates\":0}");

        // Two errors on one event make one dead letter; an index outside the batch is ignored.
        assertEquals(1, deadLetters().size());
        assertArrayEquals(chunk.lines().get(2), deadLetters().get(0).getBytes(StandardCharsets.UTF_8));
        assertEquals(chunk.next(), journal.readOffset());
    }

    @Test
    void indexesCountTheEventsSentNotBlankLines() throws Exception {
        TraceJournal.Chunk read = batchOf(3);
        List<byte[]> lines = new ArrayList<>(read.lines());
        lines.add(1, "  ".getBytes(StandardCharsets.UTF_8));
        TraceJournal.Chunk chunk = new TraceJournal.Chunk(read.from(), read.next(), lines);

        // trace-service skips blank lines when numbering: its index 1 is the second event.
        shipper.onAnswer(chunk, 422, partialIngestion(2, 1));

        assertEquals(1, deadLetters().size());
        assertArrayEquals(read.lines().get(1), deadLetters().get(0).getBytes(StandardCharsets.UTF_8));
        assertEquals(2.0, counter("guichet.gateway.traces.shipped"));
    }

    @Test
    void partialIngestionWithoutIndexesKeepsTheWholeBatch() throws Exception {
        TraceJournal.Chunk chunk = batchOf(3);

        shipper.onAnswer(chunk, 422, "{\"errors\":[{\"code\":\"00201\"}],\"accepted\":0,\"duplicates\":0}");

        assertEquals(3, deadLetters().size());
        assertEquals(3.0, counter("guichet.gateway.traces.dead_lettered"));
        assertEquals(chunk.next(), journal.readOffset());
    }

    @Test
    void a422ThatStoredNothingLeavesTheBatchInTheJournal() throws Exception {
        TraceJournal.Chunk chunk = batchOf(2);

        // e.g. a batch over trace-service's size limit: an error on the body, no accepted count.
        assertThrows(IOException.class, () -> shipper.onAnswer(chunk, 422,
                "{\"errors\":[{\"code\":\"00201\",\"source\":{\"parameter\":\"body\"}}]}"));

        assertEquals(chunk.from(), journal.readOffset());
        assertTrue(deadLetters().isEmpty());
    }

    @Test
    void otherAnswersAreRetried() throws Exception {
        TraceJournal.Chunk chunk = batchOf(2);

        for (int status : new int[] {400, 401, 500, 503}) {
            assertThrows(IOException.class, () -> shipper.onAnswer(chunk, status, "{}"));
            assertEquals(chunk.from(), journal.readOffset(), "status " + status);
        }
        assertFalse(Files.exists(dir.resolve(TraceShipper.DEAD_LETTER_FILE)));

        shipper.onAnswer(chunk, 200, "{\"accepted\":2,\"duplicates\":0}");
        assertEquals(chunk.next(), journal.readOffset());
        assertEquals(2.0, counter("guichet.gateway.traces.shipped"));
    }
}
