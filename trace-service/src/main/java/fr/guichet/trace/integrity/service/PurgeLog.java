package fr.guichet.trace.integrity.service;

import fr.guichet.trace.store.RowHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The record of purges, itself a hash chain: what was purged (kind, scope, range), how many rows,
 * and a digest of what went (the erased event ids, or the dropped chain's head).
 */
@ApplicationScoped
public class PurgeLog {

    public static final String PARTITION_DROP = "partition_drop";
    public static final String IDLE_TOKEN = "idle_token_erasure";
    public static final String API_KIND_RETENTION = "api_kind_retention";

    /** Opens a purge in the caller's transaction; erased ids go to trace_erasure under the returned id. */
    public long open(Connection c, String kind, String scope) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, SealService.LOCK);
            ps.execute();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into trace_purge (purged_at, kind, scope, row_count, ids_digest, prev_hash, hash)
                values (now(), ?, ?, 0, ''::bytea, ''::bytea, ''::bytea) returning id""")) {
            ps.setString(1, kind);
            ps.setString(2, scope);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Digest of the ids erased under a purge, in PostgreSQL's uuid order. */
    public static byte[] erasureDigest(Connection c, long purgeId) throws SQLException {
        MessageDigest md = RowHasher.sha256();
        try (PreparedStatement ps = c.prepareStatement(
                "select event_id from trace_erasure where purge_id = ? order by event_id")) {
            ps.setFetchSize(10_000);
            ps.setLong(1, purgeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    md.update(RowHasher.uuidBytes(rs.getObject(1, UUID.class)));
                }
            }
        }
        return md.digest();
    }

    /** Closes a purge: counts, digest, and its link in the purge chain. */
    public void close(Connection c, long purgeId, Instant from, Instant to, long rows, byte[] digest) throws SQLException {
        byte[] prev = Chains.PURGE_GENESIS;
        try (PreparedStatement ps = c.prepareStatement("select hash from trace_purge where id < ? order by id desc limit 1")) {
            ps.setLong(1, purgeId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    prev = rs.getBytes(1);
                }
            }
        }
        String kind;
        String scope;
        Instant purgedAt;
        try (PreparedStatement ps = c.prepareStatement("select kind, scope, purged_at from trace_purge where id = ?")) {
            ps.setLong(1, purgeId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                kind = rs.getString(1);
                scope = rs.getString(2);
                purgedAt = rs.getTimestamp(3).toInstant();
            }
        }
        Instant f = from == null ? null : from.truncatedTo(ChronoUnit.MICROS);
        Instant t = to == null ? null : to.truncatedTo(ChronoUnit.MICROS);
        byte[] hash = Chains.purgeHash(prev, kind, scope, f, t, rows, digest, purgedAt);
        try (PreparedStatement ps = c.prepareStatement("""
                update trace_purge set range_from = ?, range_to = ?, row_count = ?, ids_digest = ?, prev_hash = ?, hash = ?
                where id = ?""")) {
            ps.setTimestamp(1, f == null ? null : Timestamp.from(f));
            ps.setTimestamp(2, t == null ? null : Timestamp.from(t));
            ps.setLong(3, rows);
            ps.setBytes(4, digest);
            ps.setBytes(5, prev);
            ps.setBytes(6, hash);
            ps.setLong(7, purgeId);
            ps.executeUpdate();
        }
    }
}
