package fr.guichet.trace.store;

import fr.guichet.common.trace.TraceEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Canonical SHA-256 of a stored trace row: every column that carries meaning, length-prefixed,
 * in a fixed order, so that the same row read back from PostgreSQL hashes to the same value.
 */
public final class RowHasher {

    private static final byte[] DOMAIN = "guichet-trace-row-v1".getBytes(StandardCharsets.UTF_8);

    private final MessageDigest md = sha256();
    private final Canonical out = new Canonical();

    /**
     * A hasher for rows one after another (a batch, a verification pass): its digest and its
     * canonical buffer are reused from row to row, where {@link #hash(StoredEvent)} allocates both.
     * Not for concurrent use.
     */
    public RowHasher() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The row's hash (32 bytes), with a digest and a buffer of its own: for a single row. */
    public static byte[] hash(StoredEvent row) {
        return new RowHasher().hashRow(row);
    }

    /** The row's hash (32 bytes), the same as {@link #hash(StoredEvent)}'s. */
    public byte[] hashRow(StoredEvent row) {
        TraceEvent e = row.event();
        // The canonical bytes are gathered first and digested at once: one update instead of
        // three per column, each with the digest's own bookkeeping.
        out.length = 0;
        out.raw(DOMAIN);
        out.put(e.id().toString());
        out.put(Long.toString(micros(e.timestamp())));
        out.put(e.kind() == null ? null : e.kind().name());
        out.put(e.requestId());
        out.put(e.tokenJti());
        out.put(e.habilitationId());
        out.put(e.partnerSiret());
        out.put(e.apiKind());
        out.put(e.method());
        out.put(e.operationId());
        out.put(e.path());
        if (e.parameters() == null) {
            out.put(null);
        } else {
            Map<String, String> sorted = new TreeMap<>(e.parameters());
            out.put(Integer.toString(sorted.size()));
            sorted.forEach((k, v) -> {
                out.put(k);
                out.put(v);
            });
        }
        out.put(e.clientIp());
        out.put(e.userAgent());
        out.put(Integer.toString(e.status()));
        out.put(e.errorCode());
        out.put(e.provider());
        out.put(e.latencyMs() == null ? null : e.latencyMs().toString());
        out.put(e.actor());
        out.put(e.action());
        out.put(e.reason());
        out.put(row.siren());
        out.put(row.siret());
        out.put(row.recipient());
        md.reset();
        md.update(out.bytes, 0, out.length);
        return md.digest();
    }

    public static long micros(Instant ts) {
        Instant t = ts.truncatedTo(ChronoUnit.MICROS);
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }

    /**
     * The canonical bytes of a row: each value as 0 when null, else 1, its UTF-8 length (4 bytes,
     * big-endian) and its UTF-8 bytes.
     */
    private static final class Canonical {
        byte[] bytes = new byte[1024];
        int length;

        void raw(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }

        void put(String value) {
            if (value == null) {
                ensure(1);
                bytes[length++] = 0;
                return;
            }
            int n = value.length();
            ensure(5 + n);
            int start = length;
            length += 5;
            for (int i = 0; i < n; i++) {
                char ch = value.charAt(i);
                if (ch >= 0x80) {
                    // Beyond ASCII, the JDK's encoder (and its replacement of a lone surrogate) decides
                    // the bytes, as it always did; ASCII, nearly every value, is written in place.
                    length = start;
                    putEncoded(value.getBytes(StandardCharsets.UTF_8));
                    return;
                }
                bytes[length++] = (byte) ch;
            }
            header(start, n);
        }

        private void putEncoded(byte[] b) {
            ensure(5 + b.length);
            int start = length;
            length += 5;
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
            header(start, b.length);
        }

        /** The marker of a present value and its UTF-8 length (4 bytes, big-endian), at {@code at}. */
        private void header(int at, int size) {
            bytes[at] = 1;
            bytes[at + 1] = (byte) (size >>> 24);
            bytes[at + 2] = (byte) (size >>> 16);
            bytes[at + 3] = (byte) (size >>> 8);
            bytes[at + 4] = (byte) size;
        }

        private void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }
    }

    /** PostgreSQL's uuid order (unsigned bytes), which Java's {@link UUID#compareTo} is not. */
    public static int compareUuid(UUID a, UUID b) {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    public static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public static UUID uuid(byte[] bytes, int offset) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
