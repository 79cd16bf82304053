package fr.guichet.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.common.trace.UuidV7;
import fr.guichet.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceJournalTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    @TempDir
    Path dir;

    record Config(String dir, long maxBytes, long segmentBytes, boolean fsync, Duration commitTimeout,
                  Duration commitDelay, boolean preallocate) implements GatewayConfig.Journal {
        Config(String dir, long maxBytes, long segmentBytes, boolean fsync, Duration commitTimeout) {
            this(dir, maxBytes, segmentBytes, fsync, commitTimeout, Duration.ofMillis(1));
        }

        Config(String dir, long maxBytes, long segmentBytes, boolean fsync, Duration commitTimeout, Duration commitDelay) {
            this(dir, maxBytes, segmentBytes, fsync, commitTimeout, commitDelay, true);
        }
    }

    TraceJournal open(long maxBytes, long segmentBytes) {
        TraceJournal j = new TraceJournal(new Config(dir.toString(), maxBytes, segmentBytes, true, Duration.ofSeconds(2)),
                MAPPER, new SimpleMeterRegistry());
        j.open();
        return j;
    }

    /** An open journal of 16 MiB segments whose commits gather for {@code commitDelay}, counted in {@code registry}. */
    TraceJournal openWithDelay(SimpleMeterRegistry registry, Duration commitTimeout, Duration commitDelay) {
        TraceJournal j = new TraceJournal(new Config(dir.toString(), 1 << 24, 1 << 24, true, commitTimeout, commitDelay),
                MAPPER, registry);
        j.open();
        return j;
    }

    static double counted(SimpleMeterRegistry registry, String counter) {
        return registry.get(counter).counter().count();
    }

    static TraceEvent event(int i) {
        return new TraceEvent(UuidV7.next(), Instant.now(), TraceEvent.Kind.API_CALL, "req-" + i, "jti", "hab",
                "13002526500013", "entreprise", "GET", "api_entreprise_v3_insee_unites_legales",
                "/v3/insee/sirene/unites_legales/418166096", Map.of("recipient", "13002526500013"), "127.0.0.1", "test",
                200, null, "insee", 3L, null, null, null);
    }

    /** Drains the journal like the shipper does, acknowledging every chunk. */
    static List<TraceEvent> drain(TraceJournal j) throws Exception {
        List<TraceEvent> out = new ArrayList<>();
        for (int guard = 0; guard < 10_000; guard++) {
            TraceJournal.Chunk c = j.read(j.readOffset(), 7);
            if (c.lines().isEmpty() && c.next().equals(c.from())) {
                return out;
            }
            for (byte[] line : c.lines()) {
                out.add(MAPPER.readValue(line, TraceEvent.class));
            }
            j.acknowledge(c);
        }
        throw new AssertionError("journal never drained");
    }

    @Test
    void everyEventShippedOnceAcrossSegmentsAndRestarts() throws Exception {
        TraceJournal j = open(1 << 20, 2_000);
        Set<UUID> written = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            TraceEvent e = event(i);
            j.append(e);
            written.add(e.id());
        }
        assertTrue(j.backlogBytes() > 0);
        List<TraceEvent> first = drain(j);
        for (int i = 40; i < 60; i++) {
            TraceEvent e = event(i);
            j.append(e);
            written.add(e.id());
        }
        j.close();

        // A restart resumes after the last acknowledged batch: nothing missing, nothing twice.
        TraceJournal reopened = open(1 << 20, 2_000);
        List<TraceEvent> second = drain(reopened);
        Set<UUID> shipped = new HashSet<>();
        first.forEach(e -> assertTrue(shipped.add(e.id()), "duplicate " + e.id()));
        second.forEach(e -> assertTrue(shipped.add(e.id()), "duplicate " + e.id()));
        assertEquals(written, shipped);
        assertEquals(0, reopened.backlogBytes());
        try (var files = Files.list(dir)) {
            assertTrue(files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).count() <= 2,
                    "shipped segments are deleted");
        }
        reopened.close();
    }

    @Test
    void underLoadCallsShareTheirCommits() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        TraceJournal j = openWithDelay(registry, Duration.ofSeconds(10), Duration.ofMillis(5));
        int appenders = 8;
        int perAppender = 25;
        try {
            ExecutorService pool = Executors.newFixedThreadPool(appenders);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < appenders; t++) {
                int first = t * perAppender;
                long apart = t * 400_000L;
                // Each appender waits for its commit before its next event, as a call waits before its
                // answer, and the appenders' calls arrive apart from each other, as partners' calls do.
                done.add(pool.submit(() -> {
                    for (int i = first; i < first + perAppender; i++) {
                        j.append(event(i));
                        LockSupport.parkNanos(apart);
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            double commits = counted(registry, "guichet.gateway.journal.commits");
            double events = counted(registry, "guichet.gateway.journal.committed.events");
            assertEquals(appenders * perAppender, events);
            assertTrue(events / commits >= 4, "eight calls in flight, arriving apart, share their commits: " + events / commits
                    + " events per commit (" + commits + " commits)");
        } finally {
            j.close();
        }
    }

    @Test
    void aLoneCallIsNotHeldForOthers() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        // A delay far longer than a commit: had the lone call waited for it, the append would take 5 s.
        TraceJournal j = openWithDelay(registry, Duration.ofSeconds(30), Duration.ofSeconds(5));
        try {
            long start = System.nanoTime();
            j.append(event(1));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(4), "the first call after a quiet time is committed at once");
            assertEquals(1.0, counted(registry, "guichet.gateway.journal.commits"));
        } finally {
            j.close();
        }
    }

    @Test
    void aJournalOpenedAfterAnotherOnTheSameRegistryReportsItsOwnBacklog() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Config config = new Config(dir.toString(), 1 << 20, 1 << 20, true, Duration.ofSeconds(2));
        TraceJournal first = new TraceJournal(config, MAPPER, registry);
        first.open();
        first.close();
        TraceJournal second = new TraceJournal(config, MAPPER, registry);
        second.open();
        try {
            second.append(event(1));
            assertTrue(second.backlogBytes() > 0);
            assertEquals((double) second.backlogBytes(), registry.get("guichet.gateway.journal.backlog.bytes").gauge().value());
            assertEquals(1.0, registry.get("guichet.gateway.journal.pending.events").gauge().value());
        } finally {
            second.close();
        }
    }

    @Test
    void tornLastLineIsCutAtRestart() throws Exception {
        TraceJournal j = open(1 << 20, 1 << 20);
        j.append(event(1));
        j.close();
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().reduce((a, b) -> b).orElseThrow();
        }
        Files.writeString(segment, "{\"id\":\"half", StandardOpenOption.APPEND);
        TraceJournal reopened = open(1 << 20, 1 << 20);
        assertEquals(1, drain(reopened).size());
        reopened.close();
    }

    /** Files of the journal folder named like segments, in order. */
    List<Path> segmentFiles() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ndjson")).sorted().toList();
        }
    }

    static boolean holdsAZeroByte(Path file) throws Exception {
        for (byte b : Files.readAllBytes(file)) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void segmentsAreWrittenOverPreparedZerosAndEndAtTheirDataOnceClosed() throws Exception {
        int segmentBytes = 4_096;
        TraceJournal j = open(1 << 20, segmentBytes);
        Path prepared = dir.resolve(SegmentPreallocator.PREPARED);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(prepared) && Files.size(prepared) == segmentBytes) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(segmentBytes, Files.size(prepared), "the next segment is prepared at full size");

        // Enough events to fill the first (plain) segment: the next one is the prepared file.
        Set<UUID> written = new HashSet<>();
        while (segmentFiles().size() < 2) {
            TraceEvent e = event(written.size());
            j.append(e);
            written.add(e.id());
        }
        // A few more land in the prepared segment, and must be read without its zeros.
        Thread.sleep(200);
        for (int i = 0; i < 3; i++) {
            TraceEvent e = event(1000 + i);
            j.append(e);
            written.add(e.id());
        }
        List<Path> segments = segmentFiles();
        Path inUse = segments.get(segments.size() - 1);
        assertEquals(segmentBytes, Files.size(inUse), "the segment in use keeps its preallocated size");
        assertTrue(holdsAZeroByte(inUse));
        assertTrue(!holdsAZeroByte(segments.get(0)), "a finished segment ends at its data");
        List<TraceEvent> shipped = drain(j);
        assertEquals(written.size(), shipped.size(), "each event once, no line of zeros");
        assertEquals(written, new HashSet<>(shipped.stream().map(TraceEvent::id).toList()));

        TraceEvent last = event(2000);
        j.append(last);
        j.close();
        for (Path segment : segmentFiles()) {
            assertTrue(!holdsAZeroByte(segment), segment + " ends at its data once closed");
        }
        TraceJournal reopened = open(1 << 20, segmentBytes);
        assertEquals(List.of(last.id()), drain(reopened).stream().map(TraceEvent::id).toList());
        reopened.close();
    }

    @Test
    void aSegmentLeftWithItsZerosByACrashIsCutToItsCommittedLinesAtRestart() throws Exception {
        TraceJournal j = open(1 << 20, 1 << 20);
        TraceEvent kept = event(1);
        j.append(kept);
        j.close();
        Path segment = segmentFiles().get(segmentFiles().size() - 1);
        // What a crash can leave in a preallocated segment: half a line being written, zeros, then a
        // later block of an unanswered group that reached the disk before the one in between.
        byte[] zeros = new byte[4_096];
        Files.writeString(segment, "{\"id\":\"half", StandardOpenOption.APPEND);
        Files.write(segment, zeros, StandardOpenOption.APPEND);
        Files.writeString(segment, "{\"id\":\"later\"}\n", StandardOpenOption.APPEND);
        Files.write(segment, zeros, StandardOpenOption.APPEND);

        TraceJournal reopened = open(1 << 20, 1 << 20);
        assertTrue(!holdsAZeroByte(segment), "cut to its data");
        assertEquals(1, reopened.pendingEvents());
        assertEquals(List.of(kept.id()), drain(reopened).stream().map(TraceEvent::id).toList());
        reopened.close();
    }

    @Test
    void withoutPreallocationSegmentsGrowByAppending() throws Exception {
        TraceJournal j = new TraceJournal(new Config(dir.toString(), 1 << 20, 2_000, true, Duration.ofSeconds(2),
                Duration.ofMillis(1), false), MAPPER, new SimpleMeterRegistry());
        j.open();
        Set<UUID> written = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            TraceEvent e = event(i);
            j.append(e);
            written.add(e.id());
        }
        assertTrue(!Files.exists(dir.resolve(SegmentPreallocator.PREPARED)));
        assertTrue(segmentFiles().size() > 1);
        for (Path segment : segmentFiles()) {
            assertTrue(!holdsAZeroByte(segment));
        }
        assertEquals(written, new HashSet<>(drain(j).stream().map(TraceEvent::id).toList()));
        j.close();
    }

    @Test
    void refusesWhenTheBacklogIsFull() {
        TraceJournal j = open(1_000, 1 << 20);
        assertThrows(JournalUnavailableException.class, () -> {
            for (int i = 0; i < 100; i++) {
                j.append(event(i));
            }
        });
        j.close();
    }

    @Test
    void asyncAppendCompletesOnceCommittedWithoutHoldingTheCaller() throws Exception {
        TraceJournal j = open(1 << 20, 1 << 20);
        List<java.util.concurrent.CompletableFuture<Void>> pending = new ArrayList<>();
        Set<UUID> written = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            TraceEvent e = event(i);
            pending.add(j.appendAsync(e));
            written.add(e.id());
        }
        for (var f : pending) {
            f.get(5, java.util.concurrent.TimeUnit.SECONDS);
        }
        // Completed means durable: every event is readable by the shipper once its future is done.
        Set<UUID> committed = new HashSet<>();
        drain(j).forEach(e -> committed.add(e.id()));
        assertEquals(written, committed);
        j.close();
    }

    @Test
    void aCommitSlowerThanTheTimeoutFailsItsCallsAndTheQueuedOnesWithoutLosingTheirEvents() throws Exception {
        TraceJournal j = openWithDelay(new SimpleMeterRegistry(), Duration.ofMillis(200), Duration.ZERO);
        java.util.concurrent.CompletableFuture<Void> stalled;
        java.util.concurrent.CompletableFuture<Void> queued;
        long start = System.nanoTime();
        synchronized (j.commitLock()) {
            // The writer takes the first event and waits on the disk (here: the lock); the second waits in the queue.
            stalled = j.appendAsync(event(1));
            Thread.sleep(50);
            queued = j.appendAsync(event(2));
            for (var f : List.of(stalled, queued)) {
                var failure = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> f.get(5, java.util.concurrent.TimeUnit.SECONDS));
                assertInstanceOf(JournalUnavailableException.class, failure.getCause());
                assertTrue(failure.getCause().getMessage().contains("slower than PT0.2S"), failure.getCause().getMessage());
            }
        }
        assertTrue(System.nanoTime() - start >= 200_000_000L, "not failed before its timeout");
        // The disk came back: both events are written all the same, and later calls commit again.
        j.appendAsync(event(3)).get(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of("req-1", "req-2", "req-3"), drain(j).stream().map(TraceEvent::requestId).toList());
        j.close();
    }

    @Test
    void asyncAppendFailsWithoutThrowingWhenTheBacklogIsFull() throws Exception {
        TraceJournal j = open(1_000, 1 << 20);
        java.util.concurrent.CompletableFuture<Void> last = null;
        for (int i = 0; i < 100; i++) {
            last = j.appendAsync(event(i));
            try {
                last.get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertTrue(e.getCause() instanceof JournalUnavailableException, "refused as unavailable: " + e.getCause());
                j.close();
                return;
            }
        }
        j.close();
        throw new AssertionError("a full backlog must refuse the event");
    }

    @Test
    void asyncAppendFailsOnceClosed() {
        TraceJournal j = open(1 << 20, 1 << 20);
        j.close();
        var f = j.appendAsync(event(1));
        var e = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
        assertTrue(e.getCause() instanceof JournalUnavailableException);
    }

    @Test
    void oneInstancePerFolder() {
        TraceJournal j = open(1 << 20, 1 << 20);
        assertThrows(IllegalStateException.class, () -> open(1 << 20, 1 << 20));
        j.close();
    }
}
