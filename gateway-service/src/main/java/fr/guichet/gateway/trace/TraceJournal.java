package fr.guichet.gateway.trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The gateway's local, append-only trace journal: NDJSON segments ({@code trace-<seq>.ndjson}) in
 * {@code guichet.gateway.journal.dir}. A writer thread group-commits what callers queued (one
 * write and one fsync for many events) and only then releases them; callers release no data
 * before that. The shipper reads committed bytes and records its offset in {@code shipped.offset}.
 * The unshipped backlog is bounded: beyond {@code max-bytes}, {@link #append} refuses.
 */
@ApplicationScoped
public class TraceJournal {

    private static final Logger LOG = Logger.getLogger(TraceJournal.class);
    static final String OFFSET_FILE = "shipped.offset";
    private static final int QUEUE = 10_000;
    private static final int GROUP = 1_000;
    private static final Pending[] NONE = new Pending[0];

    /** Position of the shipper in the journal: segment number and byte offset within it. */
    public record Offset(long segment, long position) {
    }

    /** One event waiting for its group commit; {@code queuedAt}: System.nanoTime() when queued. */
    private record Pending(byte[] line, CompletableFuture<Void> done, long queuedAt) {
    }

    private final GatewayConfig.Journal config;
    private final ObjectMapper mapper;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong backlog = new AtomicLong();
    /** Events (lines) behind {@link #backlog}: what an operator counts, bytes being what the bound counts. */
    private final AtomicLong pendingEvents = new AtomicLong();
    private final Object lock = new Object();
    private final MeterRegistry registry;
    private final List<Meter> meters;
    private final Counter commits;
    private final Counter committedEvents;
    private final long commitDelayNanos;
    /** System.nanoTime() at the end of the last commit: a recent one means calls are flowing. */
    private long lastCommitEnd = Long.MIN_VALUE / 2;
    private Path dir;
    private FileChannel lockChannel;
    private FileLock fileLock;
    private FileChannel current;
    /** Prepares the next segment at full size ({@code journal.preallocate}); null when off. */
    private SegmentPreallocator preallocator;
    private volatile long currentSegment;
    private volatile long durableSize;
    private volatile boolean running;
    private volatile boolean broken;
    private Thread writer;
    private Thread watchdog;
    /** The group the writer is writing and syncing (empty between commits), for the watchdog. */
    private volatile Pending[] committing = NONE;

    @jakarta.inject.Inject
    public TraceJournal(GatewayConfig config, ObjectMapper mapper, MeterRegistry registry) {
        this(config.journal(), mapper, registry);
    }

    public TraceJournal(GatewayConfig.Journal config, ObjectMapper mapper, MeterRegistry registry) {
        this.config = config;
        this.mapper = mapper;
        this.registry = registry;
        // A registry may outlive this journal (one JVM runs several applications in the tests):
        // close() removes these meters, else the next journal's would stay bound to this one's counters.
        this.commitDelayNanos = config.commitDelay().toNanos();
        this.commits = Counter.builder("guichet.gateway.journal.commits")
                .description("Group commits of the trace journal (one write and, with fsync, one fsync each)").register(registry);
        this.committedEvents = Counter.builder("guichet.gateway.journal.committed.events")
                .description("Trace events those commits made durable: their ratio is the mean group size").register(registry);
        this.meters = List.of(commits, committedEvents,
                Gauge.builder("guichet.gateway.journal.backlog.bytes", backlog, AtomicLong::get)
                        .description("Bytes of the trace journal not yet shipped to trace-service")
                        .baseUnit("bytes").register(registry),
                Gauge.builder("guichet.gateway.journal.pending.events", pendingEvents, AtomicLong::get)
                        .description("Trace events in the journal not yet shipped to trace-service")
                        .register(registry));
    }

    void onStart(@Observes StartupEvent event) {
        open();
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    /** Opens the journal folder, recovers a torn last line, starts a fresh segment and the writer. */
    public synchronized void open() {
        if (running) {
            return;
        }
        try {
            dir = Path.of(config.dir()).toAbsolutePath();
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            fileLock = lockChannel.tryLock();
            if (fileLock == null) {
                throw new IllegalStateException("Trace journal " + dir + " is used by another gateway instance: "
                        + "give each instance its own guichet.gateway.journal.dir");
            }
            List<Long> segments = segments();
            long last = segments.isEmpty() ? 0 : segments.get(segments.size() - 1);
            for (long s : segments) {
                truncateToData(segmentPath(s));
            }
            Offset offset = readOffset();
            long pending = 0;
            long events = 0;
            for (long s : segments) {
                if (s >= offset.segment()) {
                    long from = s == offset.segment() ? offset.position() : 0;
                    pending += Files.size(segmentPath(s)) - from;
                    events += lines(segmentPath(s), from);
                }
            }
            backlog.set(Math.max(0, pending));
            pendingEvents.set(events);
            if (config.preallocate()) {
                preallocator = new SegmentPreallocator(dir, config.segmentBytes());
                preallocator.start();
            }
            startSegment(last + 1);
            broken = false;
            running = true;
            writer = new Thread(this::writeLoop, "trace-journal-writer");
            writer.setDaemon(true);
            writer.start();
            watchdog = new Thread(this::watchLoop, "trace-journal-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            LOG.infof("Trace journal %s open: segment %d, %d bytes waiting for trace-service", dir, currentSegment, backlog.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open trace journal " + config.dir(), e);
        }
    }

    public synchronized void close() {
        running = false;
        meters.forEach(registry::remove);
        if (watchdog != null) {
            watchdog.interrupt();
        }
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (preallocator != null) {
            preallocator.stop();
        }
        try {
            if (current != null) {
                // The zeros after the data go: a closed segment's size is its data's end.
                current.truncate(durableSize);
                current.force(true);
                current.close();
            }
            if (fileLock != null) {
                fileLock.release();
                lockChannel.close();
            }
        } catch (IOException e) {
            LOG.warn("Closing trace journal", e);
        }
    }

    /**
     * Appends the event and returns once it is on disk. Throws {@link JournalUnavailableException}
     * when the event cannot be accepted (backlog full, disk error, commit too slow). Blocks the
     * calling thread: never call it on an event loop ({@link #appendAsync} is the non-blocking form).
     */
    public void append(TraceEvent event) {
        try {
            appendAsync(event).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalUnavailableException("interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof JournalUnavailableException j ? j
                    : new JournalUnavailableException("write failed: " + e.getCause());
        }
    }

    /**
     * Queues the event for the next group commit without waiting. The future completes (on the
     * writer thread) once the event is on disk, or fails with {@link JournalUnavailableException}
     * when the event cannot be accepted (backlog or queue full, disk error) or the commit takes
     * longer than {@code journal.commit-timeout}. Nothing is released to a caller before it completes.
     */
    public CompletableFuture<Void> appendAsync(TraceEvent event) {
        if (!running || broken) {
            return CompletableFuture.failedFuture(new JournalUnavailableException("trace journal not writable"));
        }
        if (backlog.get() >= config.maxBytes()) {
            return CompletableFuture.failedFuture(
                    new JournalUnavailableException("trace journal full: " + backlog.get() + " bytes not shipped yet"));
        }
        byte[] line;
        try {
            line = serialised(event);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new JournalUnavailableException("event not serialisable: " + e.getMessage()));
        }
        Pending p = new Pending(line, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(p)) {
            return CompletableFuture.failedFuture(new JournalUnavailableException("trace journal queue full"));
        }
        // A commit slower than the timeout fails the call (503) rather than holding its answer: see watchLoop.
        return p.done();
    }

    /** The event as one journal line (JSON and a newline). */
    byte[] serialised(TraceEvent event) throws IOException {
        byte[] json = mapper.writeValueAsBytes(event);
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    /**
     * Fails with {@link JournalUnavailableException} each call whose event has waited longer than
     * {@code journal.commit-timeout}, whether still queued or in a group whose write or fsync hangs;
     * a commit that ends later completes nothing more (the event stays in the journal and is
     * shipped). One thread looking four times per timeout: a timer per call
     * ({@code CompletableFuture.orTimeout}) scheduled and cancelled a task for every call, and its
     * scheduler thread woke for each, 1.5 % of the gateway's CPU under load (docs/benchmarks.md).
     */
    private void watchLoop() {
        long timeout = config.commitTimeout().toNanos();
        long period = Math.max(1, config.commitTimeout().toMillis() / 4);
        JournalUnavailableException late = new JournalUnavailableException("group commit slower than " + config.commitTimeout());
        while (running) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            long deadline = System.nanoTime() - timeout;
            for (Pending p : committing) {
                if (p.queuedAt() - deadline < 0) {
                    p.done().completeExceptionally(late);
                }
            }
            // Queued in order: the first event young enough ends the look.
            for (Pending p : queue) {
                if (p.queuedAt() - deadline >= 0) {
                    break;
                }
                p.done().completeExceptionally(late);
            }
        }
    }

    /** The writer's lock: a test holding it stalls every commit, as a hung disk would. */
    Object commitLock() {
        return lock;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(GROUP);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                if (commitDelayNanos > 0 && System.nanoTime() - lastCommitEnd < 2 * commitDelayNanos) {
                    // Calls are flowing: let the next ones join this group rather than pay an fsync each.
                    LockSupport.parkNanos(commitDelayNanos);
                }
                queue.drainTo(batch, GROUP - 1);
                commit(batch);
                lastCommitEnd = System.nanoTime();
            } catch (InterruptedException e) {
                if (!running) {
                    queue.drainTo(batch);
                    if (!batch.isEmpty()) {
                        commit(batch);
                    }
                    return;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        int size = 0;
        for (Pending p : batch) {
            size += p.line().length;
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (Pending p : batch) {
            buffer.put(p.line());
        }
        buffer.flip();
        committing = batch.toArray(new Pending[0]);
        try {
            synchronized (lock) {
                // Written at its place rather than appended: a preallocated segment is longer than its data.
                long at = durableSize;
                while (buffer.hasRemaining()) {
                    at += current.write(buffer, at);
                }
                if (config.fsync()) {
                    current.force(false);
                }
                durableSize += size;
                commits.increment();
                committedEvents.increment(batch.size());
                backlog.addAndGet(size);
                pendingEvents.addAndGet(batch.size());
                if (durableSize >= config.segmentBytes()) {
                    current.truncate(durableSize);
                    current.close();
                    startSegment(currentSegment + 1);
                }
            }
            batch.forEach(p -> p.done().complete(null));
        } catch (IOException e) {
            LOG.error("Trace journal write failed: data calls now answer 503 until the disk recovers", e);
            broken = true;
            JournalUnavailableException failed = new JournalUnavailableException("write failed: " + e);
            batch.forEach(p -> p.done().completeExceptionally(failed));
        } finally {
            committing = NONE;
        }
    }

    /** Opens segment {@code segment}: the prepared file when one is ready, else a new, empty one. */
    private void startSegment(long segment) throws IOException {
        Path path = segmentPath(segment);
        boolean prepared = preallocator != null && !Files.exists(path) && preallocator.takeAs(path);
        current = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        currentSegment = segment;
        durableSize = prepared ? 0 : SegmentPreallocator.dataEnd(current);
    }

    // ---- shipper side -----------------------------------------------------------------------

    /** Committed lines after {@code from}, at most {@code max} of them, from one segment. */
    public Chunk read(Offset from, int max) throws IOException {
        long segment = from.segment();
        long limit;
        synchronized (lock) {
            if (segment > currentSegment) {
                return new Chunk(from, from, List.of());
            }
            limit = segment == currentSegment ? durableSize : -1;
        }
        Path path = segmentPath(segment);
        if (!Files.exists(path)) {
            // Nothing was ever written under this number (e.g. first start): move on.
            List<Long> segments = segments();
            Long next = segments.stream().filter(s -> s > segment).findFirst().orElse(null);
            if (next == null) {
                return new Chunk(from, from, List.of());
            }
            Offset skip = new Offset(next, 0);
            return new Chunk(from, skip, List.of());
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long end = limit >= 0 ? limit : ch.size();
            List<byte[]> lines = new ArrayList<>();
            long pos = from.position();
            ByteBuffer buf = ByteBuffer.allocate(1 << 20);
            byte[] carry = new byte[0];
            long consumed = pos;
            while (pos < end && lines.size() < max) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n <= 0) {
                    break;
                }
                pos += n;
                byte[] data = new byte[carry.length + n];
                System.arraycopy(carry, 0, data, 0, carry.length);
                buf.flip();
                buf.get(data, carry.length, n);
                int start = 0;
                for (int i = 0; i < data.length && lines.size() < max; i++) {
                    if (data[i] == '\n') {
                        byte[] line = new byte[i - start];
                        System.arraycopy(data, start, line, 0, line.length);
                        lines.add(line);
                        consumed += i - start + 1;
                        start = i + 1;
                    }
                }
                carry = new byte[data.length - start];
                System.arraycopy(data, start, carry, 0, carry.length);
                if (lines.size() >= max) {
                    break;
                }
            }
            Offset next = new Offset(segment, consumed);
            if (limit < 0 && consumed >= end) {
                // A finished segment entirely read: the next read starts on the following one.
                next = new Offset(segment + 1, 0);
            }
            return new Chunk(from, next, lines);
        }
    }

    /** What the shipper read: lines between {@code from} and {@code next}. */
    public record Chunk(Offset from, Offset next, List<byte[]> lines) {
        public long bytes() {
            long n = 0;
            for (byte[] l : lines) {
                n += l.length + 1;
            }
            return n;
        }
    }

    /** Records that trace-service committed everything before {@code next}; drops shipped segments. */
    public void acknowledge(Chunk chunk) throws IOException {
        Path tmp = dir.resolve(OFFSET_FILE + ".tmp");
        Files.writeString(tmp, chunk.next().segment() + " " + chunk.next().position());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(OFFSET_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        backlog.addAndGet(-chunk.bytes());
        if (backlog.get() < 0) {
            backlog.set(0);
        }
        if (pendingEvents.addAndGet(-chunk.lines().size()) < 0) {
            pendingEvents.set(0);
        }
        for (long s : segments()) {
            if (s < chunk.next().segment() && s != currentSegment) {
                Files.deleteIfExists(segmentPath(s));
            }
        }
    }

    public Offset readOffset() throws IOException {
        Path file = dir.resolve(OFFSET_FILE);
        if (!Files.exists(file)) {
            List<Long> segments = segments();
            return new Offset(segments.isEmpty() ? 1 : segments.get(0), 0);
        }
        String[] parts = Files.readString(file).trim().split(" ");
        return new Offset(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    public long backlogBytes() {
        return backlog.get();
    }

    /** Events committed to the journal and not yet acknowledged by trace-service. */
    public long pendingEvents() {
        return pendingEvents.get();
    }

    /** Complete lines of a segment after byte {@code from}: the events a restart finds still to ship. */
    private static long lines(Path segment, long from) throws IOException {
        long count = 0;
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long pos = from;
            int n;
            while ((n = ch.read(buf, pos)) > 0) {
                pos += n;
                buf.flip();
                while (buf.hasRemaining()) {
                    if (buf.get() == '\n') {
                        count++;
                    }
                }
                buf.clear();
            }
        }
        return count;
    }

    public Path dir() {
        return dir;
    }

    private List<Long> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("trace-") && n.endsWith(".ndjson"))
                    .map(n -> Long.parseLong(n.substring(6, n.length() - 7)))
                    .sorted().toList();
        }
    }

    private Path segmentPath(long segment) {
        return dir.resolve(String.format("trace-%012d.ndjson", segment));
    }

    /**
     * Cuts a segment the gateway did not close to its data: the zeros of a preallocated segment
     * after it, and half a line a crash mid-write can leave (its caller never got an answer).
     */
    private static void truncateToData(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            long end = SegmentPreallocator.dataEnd(ch);
            long keep = end;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                ch.read(one, keep - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                LOG.warnf("Trace journal %s: torn last line (%d bytes) removed", segment, end - keep);
            }
            if (keep < size) {
                ch.truncate(keep);
            }
        }
    }
}
