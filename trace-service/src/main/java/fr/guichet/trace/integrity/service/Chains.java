package fr.guichet.trace.integrity.service;

import fr.guichet.trace.store.RowHasher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HexFormat;

/** The hash formulas of the batch chain, the purge chain and the seals. */
public final class Chains {

    /** One batch entry: 16-byte event id + 32-byte row hash. */
    public static final int ENTRY_SIZE = 48;
    public static final byte[] PURGE_GENESIS = sha("guichet-trace-purge-genesis");
    public static final byte[] SEAL_GENESIS = sha("guichet-trace-seal-genesis");

    private Chains() {
    }

    /** Start of a month's chain: bound to the month so that chains cannot be swapped. */
    public static byte[] genesis(YearMonth month) {
        return sha("guichet-trace-chain-genesis:" + month);
    }

    public static byte[] batchHash(YearMonth month, long seq, byte[] prevHash, byte[] entries) {
        MessageDigest md = RowHasher.sha256();
        md.update("guichet-trace-batch-v1".getBytes(StandardCharsets.UTF_8));
        md.update(month.toString().getBytes(StandardCharsets.UTF_8));
        md.update(ByteBuffer.allocate(8).putLong(seq).array());
        md.update(prevHash);
        md.update(entries);
        return md.digest();
    }

    public static byte[] purgeHash(byte[] prevHash, String kind, String scope, Instant from, Instant to, long rows,
                                   byte[] idsDigest, Instant purgedAt) {
        MessageDigest md = RowHasher.sha256();
        md.update("guichet-trace-purge-v1".getBytes(StandardCharsets.UTF_8));
        md.update(prevHash);
        field(md, kind);
        field(md, scope);
        field(md, from == null ? null : Long.toString(RowHasher.micros(from)));
        field(md, to == null ? null : Long.toString(RowHasher.micros(to)));
        field(md, Long.toString(rows));
        md.update(idsDigest);
        field(md, Long.toString(RowHasher.micros(purgedAt)));
        return md.digest();
    }

    public static byte[] sealHash(byte[] prevHash, Instant sealedAt, String heads, byte[] purgeHead) {
        MessageDigest md = RowHasher.sha256();
        md.update("guichet-trace-seal-v1".getBytes(StandardCharsets.UTF_8));
        md.update(prevHash);
        field(md, Long.toString(RowHasher.micros(sealedAt)));
        field(md, heads);
        md.update(purgeHead);
        return md.digest();
    }

    public static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }

    private static void field(MessageDigest md, String value) {
        if (value == null) {
            md.update((byte) 0);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        md.update((byte) 1);
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
    }

    private static byte[] sha(String s) {
        return RowHasher.sha256().digest(s.getBytes(StandardCharsets.UTF_8));
    }
}
