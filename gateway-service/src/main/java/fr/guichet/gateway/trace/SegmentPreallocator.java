package fr.guichet.gateway.trace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.jboss.logging.Logger;

/**
 * Prepares the trace journal's next segment ahead of need: a file of zeros at full segment size,
 * written and fsync'ed by a thread of its own, so that the group commits overwrite blocks the file
 * already has. An fdatasync then has no file size or block map to record, only the data: on the
 * project's ext4 disks 0.045 ms of the process's CPU and 0.12 ms of wait, against 0.085 ms and
 * 0.23–0.31 ms for an append (docs/benchmarks.md, "Preallocated journal segments").
 *
 * <p>A segment's lines are JSON, which never holds a zero byte, so a segment's data ends at its
 * first zero byte ({@link #dataEnd}): that is how a restart finds the end of a segment the
 * gateway did not close. The prepared file is {@value #PREPARED} in the journal folder, outside the
 * {@code trace-*.ndjson} names; a restart deletes it, since it may be half written.
 */
final class SegmentPreallocator {

    private static final Logger LOG = Logger.getLogger(SegmentPreallocator.class);
    static final String PREPARED = ".next-segment";
    /**
     * Zeros written and flushed at a time (bytes). A device flush waits for every write queued
     * before it: the calls' fsyncs must not queue behind a whole segment of zeros, so the file is
     * written and synced a mebibyte at a time, with a pause between.
     */
    private static final int CHUNK = 1 << 20;
    /** Pause between two chunks (ms), leaving the disk to the group commits. */
    private static final long PAUSE_MS = 2;
    /** Wait before trying again after a failed preparation (ms): a full disk should not be hammered. */
    private static final long RETRY_MS = 10_000;

    private final Path dir;
    private final long bytes;
    private final Object monitor = new Object();
    /** Guarded by {@link #monitor}: the prepared file is complete and durable. */
    private boolean ready;
    /** Guarded by {@link #monitor}: a file is to be prepared. */
    private boolean wanted;
    private volatile boolean running;
    private Thread thread;

    /** A preparer of {@code bytes}-long segments in {@code dir}; nothing happens before {@link #start}. */
    SegmentPreallocator(Path dir, long bytes) {
        this.dir = dir;
        this.bytes = bytes;
    }

    /** Deletes a prepared file a previous run may have left half written, then prepares one. */
    void start() throws IOException {
        Files.deleteIfExists(dir.resolve(PREPARED));
        running = true;
        wanted = true;
        thread = new Thread(this::loop, "trace-journal-preallocator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread; the prepared file, if any, stays until the next {@link #start}. */
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Renames the prepared file to {@code target} and makes the new name durable (the folder is
     * fsync'ed: a commit's fdatasync no longer does it), then asks for the next one.
     *
     * @return false when no prepared file is ready: the caller creates a plain one
     * @throws IOException when the rename or the folder's fsync fails
     */
    boolean takeAs(Path target) throws IOException {
        synchronized (monitor) {
            if (!ready) {
                return false;
            }
            ready = false;
        }
        Files.move(dir.resolve(PREPARED), target, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
            folder.force(true);
        }
        synchronized (monitor) {
            wanted = true;
            monitor.notifyAll();
        }
        return true;
    }

    private void loop() {
        while (running) {
            try {
                synchronized (monitor) {
                    while (!wanted) {
                        monitor.wait();
                    }
                    wanted = false;
                }
                prepare();
                synchronized (monitor) {
                    ready = true;
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                LOG.warnf("Trace journal %s: next segment not prepared (%s); segments are appended to until it is", dir, e);
                synchronized (monitor) {
                    wanted = true;
                }
                try {
                    Thread.sleep(RETRY_MS);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void prepare() throws IOException, InterruptedException {
        Path file = dir.resolve(PREPARED);
        long start = System.nanoTime();
        ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            long at = 0;
            while (at < bytes && running) {
                zeros.clear();
                zeros.limit((int) Math.min(CHUNK, bytes - at));
                while (zeros.hasRemaining()) {
                    at += ch.write(zeros, at);
                }
                ch.force(false);
                Thread.sleep(PAUSE_MS);
            }
            ch.force(true);
        }
        LOG.debugf("Trace journal %s: next segment of %d bytes prepared in %d ms", dir, bytes,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Where a segment's data ends: its first zero byte, or its size when it has none.
     *
     * @throws IOException when the file cannot be read
     */
    static long dataEnd(FileChannel ch) throws IOException {
        long size = ch.size();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long pos = 0;
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == 0) {
                    return pos + i;
                }
            }
            pos += n;
        }
        return size;
    }
}
