package fr.guichet.trace.integrity.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.trace.integrity.service.VerificationReport.Problem;
import fr.guichet.trace.store.EventRows;
import fr.guichet.trace.store.RowHasher;
import fr.guichet.trace.store.StoredEvent;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Recomputes the trace log's hashes over whole months: each row against its batch entry, each
 * batch against the chain, the chain heads against the latest signed seal, the purges against
 * their chain and digests. Streams rows; memory does not grow with the size of the log.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final Logger LOG = Logger.getLogger(ChainVerifier.class);
    private static final int MAX_LISTED = 1000;

    private final AgroalDataSource dataSource;
    private final SealKeys keys;
    private final ObjectMapper json;

    public ChainVerifier(AgroalDataSource dataSource, SealKeys keys, ObjectMapper json) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.json = json;
    }

    private final class Run {
        final List<Problem> problems = new ArrayList<>();
        long problemCount;
        long batches;
        long events;
        long erased;
        long seals;
        long purges;
        long unsealed;
        /** One digest and one buffer for every row the pass hashes. */
        final RowHasher hasher = new RowHasher();

        void report(String type, YearMonth month, Long seq, UUID id, Instant ts, String detail) {
            problemCount++;
            if (problems.size() < MAX_LISTED) {
                problems.add(new Problem(type, month == null ? null : month.toString(), seq,
                        id == null ? null : id.toString(), ts, detail));
            }
        }
    }

    record SealHead(long seq, byte[] hash) {
    }

    /**
     * Verifies the whole months that {@code [from, to)} touches, plus every seal and purge record.
     * The seals and purges are read in one short read-only snapshot, then each month in a snapshot
     * of its own: no transaction stays open for the whole run (a long one would hold back vacuum
     * and, through its table locks, queue the creation of next month's partition and every
     * ingestion behind it). Chains only grow between snapshots, so a later month snapshot still
     * holds every batch an earlier-read seal covers; a month whose partition a purge dropped in
     * between is reported as purged, not missing.
     *
     * @throws fr.guichet.trace.store.StorageException when the database cannot be read: nothing was verified
     */
    public VerificationReport verify(Instant from, Instant to) {
        Run run = new Run();
        List<String> verified = new ArrayList<>();
        List<String> purged = new ArrayList<>();
        long started = System.nanoTime();
        try {
            Set<YearMonth> purgedMonths;
            Map<YearMonth, SealHead> sealed;
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try (var st = c.createStatement()) {
                    st.execute("set transaction isolation level repeatable read, read only");
                }
                purgedMonths = checkPurges(c, run);
                sealed = checkSeals(c, run, purgedMonths);
                c.commit();
            }
            YearMonth first = YearMonth.from(from.atOffset(ZoneOffset.UTC));
            // to is exclusive: a period ending at midnight on the 1st does not reach into that month
            YearMonth last = YearMonth.from((to.isAfter(from) ? to.minusNanos(1) : to).atOffset(ZoneOffset.UTC));
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                if (purgedMonths.contains(m) || !verifyMonthInSnapshot(m, sealed.get(m), run)) {
                    purged.add(m.toString());
                } else {
                    verified.add(m.toString());
                }
            }
        } catch (SQLException e) {
            throw new fr.guichet.trace.store.StorageException("verification failed: " + e.getMessage(), e);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (run.problemCount == 0) {
            LOG.infof("trace verification %s..%s: %d batches, %d events, intact, in %d ms", from, to, run.batches,
                    run.events, ms);
        } else {
            LOG.warnf("trace verification %s..%s: %d batches, %d events, %d problems in %d ms", from, to, run.batches,
                    run.events, run.problemCount, ms);
        }
        return new VerificationReport(from, to, run.problemCount == 0, verified, purged, run.batches, run.events,
                run.erased, run.seals, run.purges, run.unsealed, run.problemCount,
                run.problems.isEmpty() ? null : run.problems.get(0), run.problems);
    }

    /**
     * One month in one snapshot shared by two connections (chain records and rows are read side
     * by side): concurrent ingestion does not look like tampering. Returns false, verifying
     * nothing, when the month's partition was dropped by a purge since the purges were read.
     */
    private boolean verifyMonthInSnapshot(YearMonth month, SealHead seal, Run run) throws SQLException {
        try (Connection c = dataSource.getConnection(); Connection events = dataSource.getConnection()) {
            c.setAutoCommit(false);
            events.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set transaction isolation level repeatable read, read only");
                try (ResultSet rs = st.executeQuery("select pg_export_snapshot()"); var st2 = events.createStatement()) {
                    rs.next();
                    st2.execute("set transaction isolation level repeatable read, read only");
                    st2.execute("set transaction snapshot '" + rs.getString(1) + "'");
                }
            }
            boolean dropped;
            try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from trace_purge where kind = ? and scope = ?)")) {
                ps.setString(1, PurgeLog.PARTITION_DROP);
                ps.setString(2, month.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    dropped = rs.getBoolean(1);
                }
            }
            if (!dropped) {
                verifyMonth(c, events, month, seal, run);
            }
            c.commit();
            events.commit();
            return !dropped;
        }
    }

    /** Purge chain and erasure digests; returns the months whose partition was dropped. */
    private Set<YearMonth> checkPurges(Connection c, Run run) throws SQLException {
        Set<YearMonth> months = new HashSet<>();
        byte[] prev = Chains.PURGE_GENESIS;
        List<long[]> erasurePurges = new ArrayList<>();
        List<byte[]> erasureDigests = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select id, purged_at, kind, scope, range_from, range_to, row_count, ids_digest, prev_hash, hash
                from trace_purge order by id""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                run.purges++;
                long id = rs.getLong(1);
                String kind = rs.getString(3);
                Timestamp f = rs.getTimestamp(5);
                Timestamp t = rs.getTimestamp(6);
                byte[] digest = rs.getBytes(8);
                byte[] computed = Chains.purgeHash(rs.getBytes(9), kind, rs.getString(4), f == null ? null : f.toInstant(),
                        t == null ? null : t.toInstant(), rs.getLong(7), digest, rs.getTimestamp(2).toInstant());
                if (!Arrays.equals(prev, rs.getBytes(9)) || !Arrays.equals(computed, rs.getBytes(10))) {
                    run.report("purge_invalid", null, null, null, null,
                            "L'enregistrement de purge " + id + " a été modifié ou la chaîne des purges est rompue");
                }
                prev = rs.getBytes(10);
                if (PurgeLog.PARTITION_DROP.equals(kind)) {
                    months.add(YearMonth.parse(rs.getString(4)));
                } else {
                    erasurePurges.add(new long[] {id});
                    erasureDigests.add(digest);
                }
            }
        }
        for (int i = 0; i < erasurePurges.size(); i++) {
            long id = erasurePurges.get(i)[0];
            if (!Arrays.equals(PurgeLog.erasureDigest(c, id), erasureDigests.get(i))) {
                run.report("purge_invalid", null, null, null, null,
                        "La liste des événements effacés par la purge " + id + " a été modifiée");
            }
        }
        return months;
    }

    /** Seal chain and signatures; returns the chain heads of the latest seal. */
    private Map<YearMonth, SealHead> checkSeals(Connection c, Run run, Set<YearMonth> purgedMonths) throws SQLException {
        Map<YearMonth, SealHead> heads = new HashMap<>();
        byte[] prev = Chains.SEAL_GENESIS;
        byte[] lastPurgeHead = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select id, sealed_at, heads, purge_head, prev_hash, hash, public_key, signature from trace_seal order by id""");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                run.seals++;
                long id = rs.getLong(1);
                String text = rs.getString(3);
                byte[] hash = rs.getBytes(6);
                byte[] computed = Chains.sealHash(rs.getBytes(5), rs.getTimestamp(2).toInstant(), text, rs.getBytes(4));
                if (!Arrays.equals(prev, rs.getBytes(5)) || !Arrays.equals(computed, hash)) {
                    run.report("seal_invalid", null, null, null, null, "Le sceau " + id + " a été modifié ou la chaîne des sceaux est rompue");
                } else if (!keys.trusts(rs.getBytes(7)) || !keys.verify(rs.getBytes(7), hash, rs.getBytes(8))) {
                    run.report("seal_invalid", null, null, null, null, "La signature du sceau " + id + " est invalide");
                }
                prev = hash;
                lastPurgeHead = rs.getBytes(4);
                heads.clear();
                for (String line : text.split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] parts = line.split(":");
                    heads.put(YearMonth.parse(parts[0]), new SealHead(Long.parseLong(parts[1]), java.util.HexFormat.of().parseHex(parts[2])));
                }
            }
        }
        if (lastPurgeHead != null && !Arrays.equals(lastPurgeHead, Chains.PURGE_GENESIS)) {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from trace_purge where hash = ?")) {
                ps.setBytes(1, lastPurgeHead);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        run.report("seal_mismatch", null, null, null, null,
                                "Une purge scellée a disparu du registre des purges");
                    }
                }
            }
        }
        heads.keySet().removeAll(purgedMonths);
        return heads;
    }

    private void verifyMonth(Connection c, Connection ec, YearMonth month, SealHead seal, Run run) throws SQLException {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        boolean hasPartition;
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, fr.guichet.trace.store.PartitionManager.partitionName(month));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                hasPartition = rs.getBoolean(1);
            }
        }
        PreparedStatement eps = ec.prepareStatement("select " + EventRows.COLUMNS
                + " from trace_event where ts >= ? and ts < ? order by batch_id, id");
        eps.setFetchSize(2000);
        eps.setTimestamp(1, Timestamp.from(start));
        eps.setTimestamp(2, Timestamp.from(end));
        ResultSet ers = hasPartition ? eps.executeQuery() : null;
        EventCursor cursor = new EventCursor(ers);

        // rows against their batch's entries, batch by batch in id order (the rows' index order);
        // each batch record against its own hash
        try (PreparedStatement ps = c.prepareStatement(
                "select id, seq, entries, prev_hash, hash from trace_batch where month = ? order by id")) {
            ps.setFetchSize(200);
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    run.batches++;
                    long batchId = rs.getLong(1);
                    long seq = rs.getLong(2);
                    byte[] entries = rs.getBytes(3);
                    if (!Arrays.equals(Chains.batchHash(month, seq, rs.getBytes(4), entries), rs.getBytes(5))) {
                        run.report("batch_altered", month, seq, null, null,
                                "L'enregistrement du lot " + seq + " de " + month + " a été modifié");
                    }
                    checkEvents(c, cursor, batchId, month, seq, entries, run);
                }
            }
        }
        // the chain itself, in sequence order: no hole, each link on the previous one
        byte[] prev = Chains.genesis(month);
        long expectedSeq = 1;
        long lastSeq = 0;
        byte[] lastHash = null;
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, prev_hash, hash from trace_batch where month = ? order by seq")) {
            ps.setFetchSize(5000);
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    byte[] batchPrev = rs.getBytes(2);
                    byte[] hash = rs.getBytes(3);
                    if (seq != expectedSeq) {
                        run.report("batch_missing", month, expectedSeq, null, null, seq > expectedSeq
                                ? "Lot(s) " + expectedSeq + " à " + (seq - 1) + " manquant(s) dans la chaîne de " + month
                                : "Lot " + seq + " hors séquence dans la chaîne de " + month);
                    } else if (!Arrays.equals(prev, batchPrev)) {
                        run.report("chain_broken", month, seq, null, null,
                                "Le lot " + seq + " ne suit pas le lot précédent de la chaîne de " + month);
                    }
                    prev = hash;
                    expectedSeq = seq + 1;
                    lastSeq = seq;
                    lastHash = hash;
                }
            }
        }
        // rows whose batch does not exist in this month's chain
        while (cursor.peek() != null) {
            StoredEvent e = cursor.next();
            run.events++;
            run.report("inserted", month, null, e.event().id(), e.timestamp(),
                    "Trace " + e.event().id() + " présente en base mais absente de tout lot chaîné");
        }
        cursor.close();
        eps.close();
        if (seal != null) {
            if (seal.seq() > lastSeq) {
                run.report("seal_mismatch", month, seal.seq(), null, null, "Le dernier sceau couvre le lot " + seal.seq()
                        + " de " + month + ", mais la chaîne s'arrête au lot " + lastSeq + " : des lots ont disparu");
            } else {
                byte[] sealedHash = batchHashAt(c, month, seal.seq());
                if (sealedHash == null || !Arrays.equals(sealedHash, seal.hash())) {
                    run.report("seal_mismatch", month, seal.seq(), null, null, "Le lot " + seal.seq() + " de " + month
                            + " ne correspond pas au sceau signé : la chaîne a été réécrite");
                }
            }
            run.unsealed += Math.max(0, lastSeq - seal.seq());
        } else {
            run.unsealed += lastSeq;
        }
        if (lastHash != null) {
            try (PreparedStatement ps = c.prepareStatement("select head_seq from trace_chain where month = ?")) {
                ps.setDate(1, Date.valueOf(month.atDay(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getLong(1) > lastSeq) {
                        run.report("batch_missing", month, lastSeq + 1, null, null, "Lot(s) " + (lastSeq + 1) + " à "
                                + rs.getLong(1) + " manquant(s) en fin de chaîne de " + month);
                    }
                }
            }
        }
    }

    private static byte[] batchHashAt(Connection c, YearMonth month, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select hash from trace_batch where month = ? and seq = ?")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    /** Merges a batch's entries (id order) with its stored rows (id order). */
    private void checkEvents(Connection c, EventCursor cursor, long batchId, YearMonth month, long seq, byte[] entries,
                             Run run) throws SQLException {
        while (cursor.peek() != null && cursor.peekBatch() < batchId) {
            StoredEvent e = cursor.next();
            run.events++;
            run.report("inserted", month, null, e.event().id(), e.timestamp(),
                    "Trace " + e.event().id() + " présente en base mais absente de tout lot chaîné");
        }
        List<UUID> missing = new ArrayList<>();
        int n = entries.length / Chains.ENTRY_SIZE;
        int i = 0;
        while (i < n || (cursor.peek() != null && cursor.peekBatch() == batchId)) {
            UUID entryId = i < n ? RowHasher.uuid(entries, i * Chains.ENTRY_SIZE) : null;
            StoredEvent row = cursor.peek() != null && cursor.peekBatch() == batchId ? cursor.peek() : null;
            int cmp = entryId == null ? 1 : row == null ? -1 : RowHasher.compareUuid(entryId, row.event().id());
            if (cmp == 0) {
                cursor.next();
                run.events++;
                byte[] expected = Arrays.copyOfRange(entries, i * Chains.ENTRY_SIZE + 16, (i + 1) * Chains.ENTRY_SIZE);
                if (!Arrays.equals(expected, run.hasher.hashRow(row))) {
                    run.report("altered", month, seq, row.event().id(), row.timestamp(),
                            "Trace " + row.event().id() + " modifiée depuis son enregistrement (lot " + seq + " de " + month + ")");
                }
                i++;
            } else if (cmp < 0) {
                missing.add(entryId);
                i++;
            } else {
                cursor.next();
                run.events++;
                run.report("inserted", month, seq, row.event().id(), row.timestamp(),
                        "Trace " + row.event().id() + " ajoutée au lot " + seq + " de " + month + " après son enregistrement");
            }
        }
        if (!missing.isEmpty()) {
            Set<UUID> erased = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("select event_id from trace_erasure where event_id = any(?)")) {
                ps.setArray(1, c.createArrayOf("uuid", missing.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        erased.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (UUID id : missing) {
                if (erased.contains(id)) {
                    run.erased++;
                } else {
                    run.report("missing", month, seq, id, null,
                            "Trace " + id + " du lot " + seq + " de " + month + " supprimée sans purge enregistrée");
                }
            }
        }
    }

    /** One-row look-ahead over the month's rows, ordered by batch then id. */
    private final class EventCursor {
        private final ResultSet rs;
        private StoredEvent next;
        private long nextBatch;
        private boolean loaded;

        EventCursor(ResultSet rs) {
            this.rs = rs;
        }

        StoredEvent peek() throws SQLException {
            if (!loaded) {
                loaded = true;
                if (rs != null && rs.next()) {
                    next = EventRows.read(rs, json);
                    nextBatch = rs.getLong("batch_id");
                } else {
                    next = null;
                }
            }
            return next;
        }

        long peekBatch() throws SQLException {
            peek();
            return nextBatch;
        }

        StoredEvent next() throws SQLException {
            StoredEvent e = peek();
            loaded = false;
            return e;
        }

        void close() throws SQLException {
            if (rs != null) {
                rs.close();
            }
        }
    }
}
