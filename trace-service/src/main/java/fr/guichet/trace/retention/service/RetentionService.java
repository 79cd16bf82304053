package fr.guichet.trace.retention.service;

import fr.guichet.trace.config.TraceConfig;
import fr.guichet.trace.integrity.service.Chains;
import fr.guichet.trace.integrity.service.PurgeLog;
import fr.guichet.trace.integrity.service.SealService;
import fr.guichet.trace.store.PartitionManager;
import fr.guichet.trace.store.RowHasher;
import fr.guichet.trace.store.RunLock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Retention: drops month partitions beyond the retention period, erases the traces of tokens of
 * some API kinds (API Particulier) idle for two years, and applies shorter per-kind retention.
 * Every purge is recorded in the purge chain and sealed in the same transaction, so the rest of
 * the log still verifies.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    private static final long RUN_LOCK = 0x7472616365L + 1;

    private final AgroalDataSource dataSource;
    private final TraceConfig config;
    private final PurgeLog purges;
    private final SealService seals;
    private final PartitionManager partitions;

    public RetentionService(AgroalDataSource dataSource, TraceConfig config, PurgeLog purges, SealService seals,
                            PartitionManager partitions) {
        this.dataSource = dataSource;
        this.config = config;
        this.purges = purges;
        this.seals = seals;
        this.partitions = partitions;
    }

    /** The retention rules: default months, months per API kind, idle-token erasure. */
    public record Policy(int months, Map<String, Integer> monthsByApiKind, List<String> idleErasureApiKinds,
                         java.time.Duration idleErasureAfter) {

        /** Longest retention over all API kinds: whole partitions older than this go. */
        public int partitionMonths() {
            return Math.max(months, monthsByApiKind.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
    }

    @Scheduled(cron = "${guichet.trace.retention.cron}", identity = "trace-retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(Instant.now());
    }

    public Policy configuredPolicy() {
        return new Policy(config.retention().months(), config.retention().monthsByApiKind(),
                config.retention().idleErasureApiKinds(), config.retention().idleErasureAfter());
    }

    public RetentionReport run(Instant now) {
        return run(now, configuredPolicy());
    }

    /** One retention run at a time across replicas: a session advisory lock held for the run. */
    public synchronized RetentionReport run(Instant now, Policy policy) {
        try {
            return RunLock.ifFree(dataSource, RUN_LOCK, () -> runLocked(now, policy)).orElseGet(() -> {
                LOG.info("trace retention already running on another replica; skipped");
                return new RetentionReport(List.of(), 0, List.of(), 0, List.of());
            });
        } catch (SQLException e) {
            throw new fr.guichet.trace.store.StorageException("retention failed: " + e.getMessage(), e);
        }
    }

    private RetentionReport runLocked(Instant now, Policy policy) {
        List<String> dropped = new ArrayList<>();
        List<String> erasedTokens = new ArrayList<>();
        List<Long> purgeIds = new ArrayList<>();
        long droppedRows = 0;
        long erasedRows = 0;
        try {
            YearMonth limit = YearMonth.from(now.atOffset(ZoneOffset.UTC)).minusMonths(policy.partitionMonths());
            List<YearMonth> existing;
            try (Connection c = dataSource.getConnection()) {
                existing = partitions.existing(c);
            }
            for (YearMonth month : existing) {
                if (month.isBefore(limit)) {
                    long[] result = dropPartition(month);
                    purgeIds.add(result[0]);
                    droppedRows += result[1];
                    dropped.add(month.toString());
                }
            }
            for (Map.Entry<String, Integer> kind : policy.monthsByApiKind().entrySet()) {
                if (kind.getValue() < policy.partitionMonths()) {
                    Instant before = now.atOffset(ZoneOffset.UTC).minusMonths(kind.getValue()).toInstant();
                    long[] result = erase(PurgeLog.API_KIND_RETENTION, "api_kind:" + kind.getKey(),
                            "api_kind = ? and ts < ?", kind.getKey(), before);
                    if (result[1] > 0) {
                        purgeIds.add(result[0]);
                        erasedRows += result[1];
                    }
                }
            }
            Instant idleSince = now.minus(policy.idleErasureAfter());
            for (String kind : policy.idleErasureApiKinds()) {
                for (String jti : idleTokens(kind, idleSince)) {
                    long[] result = erase(PurgeLog.IDLE_TOKEN, "token:" + jti, "token_jti = ?", jti, null);
                    purgeIds.add(result[0]);
                    erasedRows += result[1];
                    erasedTokens.add(jti);
                    forgetToken(jti);
                }
            }
        } catch (SQLException e) {
            throw new fr.guichet.trace.store.StorageException("retention failed: " + e.getMessage(), e);
        }
        LOG.infof("trace retention: dropped %s (%d rows), erased %d idle tokens (%d rows in all erasures)", dropped,
                droppedRows, erasedTokens.size(), erasedRows);
        return new RetentionReport(dropped, droppedRows, erasedTokens, erasedRows, purgeIds);
    }

    /** Drops one month: partition, its chain and rollup rows; records and seals the purge. */
    private long[] dropPartition(YearMonth month) throws SQLException {
        String table = PartitionManager.partitionName(month);
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long purgeId = purges.open(c, PurgeLog.PARTITION_DROP, month.toString());
                long rows;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                // the digest records the chain head that went with the partition
                String head = month + ":0:";
                try (PreparedStatement ps = c.prepareStatement("select head_seq, head_hash from trace_chain where month = ?")) {
                    ps.setDate(1, Date.valueOf(month.atDay(1)));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            head = month + ":" + rs.getLong(1) + ":" + Chains.hex(rs.getBytes(2));
                        }
                    }
                }
                byte[] digest = RowHasher.sha256().digest(head.getBytes(StandardCharsets.UTF_8));
                execute(c, "delete from trace_batch where month = ?", Date.valueOf(month.atDay(1)));
                execute(c, "delete from trace_chain where month = ?", Date.valueOf(month.atDay(1)));
                execute(c, "delete from trace_stats_daily where day >= ? and day < ?", Date.valueOf(month.atDay(1)),
                        Date.valueOf(month.plusMonths(1).atDay(1)));
                execute(c, "delete from trace_token_activity where last_seen < ?", Timestamp.from(end));
                try (Statement st = c.createStatement()) {
                    st.execute("alter table trace_event detach partition " + table);
                    st.execute("drop table " + table);
                }
                purges.close(c, purgeId, start, end, rows, digest);
                seals.seal(c);
                c.commit();
                partitions.forget(month);
                LOG.infof("dropped trace partition %s (%d rows), purge %d", table, rows, purgeId);
                return new long[] {purgeId, rows};
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Deletes matching rows, listing their ids under a new purge; records and seals it. */
    private long[] erase(String kind, String scope, String where, String key, Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long purgeId = purges.open(c, kind, scope);
                long rows;
                Instant from = null;
                Instant to = null;
                try (PreparedStatement ps = c.prepareStatement("with d as (delete from trace_event where " + where
                        + " returning id, ts), e as (insert into trace_erasure (event_id, purge_id) select id, ? from d "
                        + "on conflict (event_id) do nothing) select count(*), min(ts), max(ts) from d")) {
                    int p = 1;
                    ps.setString(p++, key);
                    if (before != null) {
                        ps.setTimestamp(p++, Timestamp.from(before));
                    }
                    ps.setLong(p, purgeId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows = rs.getLong(1);
                        if (rows > 0) {
                            from = rs.getTimestamp(2).toInstant();
                            to = rs.getTimestamp(3).toInstant();
                        }
                    }
                }
                if (rows == 0 && PurgeLog.API_KIND_RETENTION.equals(kind)) {
                    c.rollback();
                    return new long[] {0, 0};
                }
                purges.close(c, purgeId, from, to, rows, PurgeLog.erasureDigest(c, purgeId));
                seals.seal(c);
                c.commit();
                LOG.infof("erased %d traces (%s), purge %d", rows, scope, purgeId);
                return new long[] {purgeId, rows};
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private List<String> idleTokens(String apiKind, Instant idleSince) throws SQLException {
        List<String> tokens = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select token_jti from trace_token_activity where api_kind = ? and last_seen < ? order by token_jti")) {
            ps.setString(1, apiKind);
            ps.setTimestamp(2, Timestamp.from(idleSince));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tokens.add(rs.getString(1));
                }
            }
        }
        return tokens;
    }

    private void forgetToken(String jti) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            execute(c, "delete from trace_stats_daily where token_jti = ?", jti);
            execute(c, "delete from trace_token_activity where token_jti = ?", jti);
        }
    }

    private static void execute(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
