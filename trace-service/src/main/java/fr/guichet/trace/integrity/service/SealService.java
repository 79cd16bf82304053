package fr.guichet.trace.integrity.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jboss.logging.Logger;

/**
 * Seals: the head of every month chain and of the purge chain, chained to the previous seal and
 * signed with trace-service's key. Taken daily and after every purge (the purge's boundary).
 */
@ApplicationScoped
public class SealService {

    private static final Logger LOG = Logger.getLogger(SealService.class);
    /** Serialises seals and purges (pg_advisory_xact_lock key). */
    public static final long LOCK = 0x7472616365L;

    private final AgroalDataSource dataSource;
    private final SealKeys keys;

    public SealService(AgroalDataSource dataSource, SealKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
    }

    @Scheduled(cron = "${guichet.trace.seal.cron}", identity = "trace-daily-seal")
    void daily() {
        long id = sealNow();
        LOG.infof("trace log sealed (seal %d)", id);
    }

    public long sealNow() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long id = seal(c);
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new fr.guichet.trace.store.StorageException("seal failed: " + e.getMessage(), e);
        }
    }

    /** Writes a seal in the caller's transaction. */
    public long seal(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, LOCK);
            ps.execute();
        }
        StringBuilder heads = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement(
                "select to_char(month, 'YYYY-MM'), head_seq, head_hash from trace_chain where head_seq > 0 order by month");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                heads.append(rs.getString(1)).append(':').append(rs.getLong(2)).append(':')
                        .append(Chains.hex(rs.getBytes(3))).append('\n');
            }
        }
        byte[] purgeHead = Chains.PURGE_GENESIS;
        try (PreparedStatement ps = c.prepareStatement("select hash from trace_purge order by id desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                purgeHead = rs.getBytes(1);
            }
        }
        byte[] prev = Chains.SEAL_GENESIS;
        try (PreparedStatement ps = c.prepareStatement("select hash from trace_seal order by id desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                prev = rs.getBytes(1);
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        byte[] hash = Chains.sealHash(prev, now, heads.toString(), purgeHead);
        try (PreparedStatement ps = c.prepareStatement("""
                insert into trace_seal (sealed_at, heads, purge_head, prev_hash, hash, public_key, signature)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, heads.toString());
            ps.setBytes(3, purgeHead);
            ps.setBytes(4, prev);
            ps.setBytes(5, hash);
            ps.setBytes(6, keys.publicKey());
            ps.setBytes(7, keys.sign(hash));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
