package fr.guichet.trace.store;

import fr.guichet.common.trace.TraceEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Canonical SHA-256 of a stored trace row: every column that carries meaning, length-prefixed,
 * in a fixed order, so that the same row read back from PostgreSQL hashes to the same value.
 */
public final class RowHasher {

    private static final byte[] DOMAIN = "guichet-trace-row-v1".getBytes(StandardCharsets.UTF_8);

    private RowHasher() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] hash(StoredEvent row) {
        return hash(row, sha256());
    }

    /**
     * Same as {@link #hash(StoredEvent)} with a digest the caller reuses over a batch (a digest is
     * reset by each {@code digest()}); not for concurrent use.
     */
    public static byte[] hash(StoredEvent row, MessageDigest md) {
        TraceEvent e = row.event();
        md.reset();
        md.update(DOMAIN);
        put(md, e.id().toString());
        put(md, Long.toString(micros(e.timestamp())));
        put(md, e.kind() == null ? null : e.kind().name());
        put(md, e.requestId());
        put(md, e.tokenJti());
        put(md, e.habilitationId());
        put(md, e.partnerSiret());
        put(md, e.apiKind());
        put(md, e.method());
        put(md, e.operationId());
        put(md, e.path());
        if (e.parameters() == null) {
            put(md, null);
        } else {
            Map<String, String> sorted = new TreeMap<>(e.parameters());
            put(md, Integer.toString(sorted.size()));
            sorted.forEach((k, v) -> {
                put(md, k);
                put(md, v);
            });
        }
        put(md, e.clientIp());
        put(md, e.userAgent());
        put(md, Integer.toString(e.status()));
        put(md, e.errorCode());
        put(md, e.provider());
        put(md, e.latencyMs() == null ? null : e.latencyMs().toString());
        put(md, e.actor());
        put(md, e.action());
        put(md, e.reason());
        put(md, row.siren());
        put(md, row.siret());
        put(md, row.recipient());
        return md.digest();
    }

    public static long micros(Instant ts) {
        Instant t = ts.truncatedTo(ChronoUnit.MICROS);
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }

    private static void put(MessageDigest md, String value) {
        if (value == null) {
            md.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
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
