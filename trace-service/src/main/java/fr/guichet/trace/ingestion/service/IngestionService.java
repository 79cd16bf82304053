package fr.guichet.trace.ingestion.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.guichet.common.error.ApiError;
import fr.guichet.common.trace.TraceEvent;
import fr.guichet.trace.config.TraceConfig;
import fr.guichet.trace.integrity.service.Chains;
import fr.guichet.trace.store.PartitionManager;
import fr.guichet.trace.store.RowHasher;
import fr.guichet.trace.store.StoredEvent;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import fr.guichet.trace.store.EventCopy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Stores a batch of trace events in one transaction: events (idempotent on their id), one chained
 * batch record per month touched, the statistics rollup and the tokens' last use. The caller
 * answers only once {@link #store} has returned, i.e. after commit.
 */
@ApplicationScoped
public class IngestionService {

    private static final String INSERT_EVENTS = """
            insert into trace_event (id, ts, kind, request_id, token_jti, habilitation_id, partner_siret, api_kind,
                method, operation_id, path, parameters, client_ip, user_agent, status, error_code, provider,
                latency_ms, actor, action, reason, siren, siret, recipient, batch_id)
            select u.id::uuid, u.ts::timestamptz, u.kind, u.request_id, u.token_jti, u.habilitation_id, u.partner_siret,
                u.api_kind, u.method, u.operation_id, u.path, u.parameters::jsonb, u.client_ip, u.user_agent,
                u.status::integer, u.error_code, u.provider, u.latency_ms::bigint, u.actor, u.action, u.reason,
                u.siren, u.siret, u.recipient, ?
            from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                as u(id, ts, kind, request_id, token_jti, habilitation_id, partner_siret, api_kind, method, operation_id,
                     path, parameters, client_ip, user_agent, status, error_code, provider, latency_ms, actor, action,
                     reason, siren, siret, recipient)
            on conflict (id, ts) do nothing
            returning id""";

    private final AgroalDataSource dataSource;
    private final PartitionManager partitions;
    private final ObjectMapper json;
    private final TraceConfig config;
    private final Counter accepted;
    private final Counter duplicates;
    /** The longest retention of any API kind: older events are refused (read once, not per event). */
    private final int longestRetentionMonths;

    public IngestionService(AgroalDataSource dataSource, PartitionManager partitions, ObjectMapper json,
                            TraceConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.partitions = partitions;
        this.json = json;
        this.config = config;
        this.accepted = ingested(registry, "accepted");
        this.duplicates = ingested(registry, "duplicate");
        this.longestRetentionMonths = Math.max(config.retention().months(),
                config.retention().monthsByApiKind().values().stream().mapToInt(Integer::intValue).max().orElse(0));
    }

    /** Validates one event; empty when it can be stored. */
    public List<ApiError> validate(int index, TraceEvent event, Instant now) {
        Instant oldest = now.atOffset(ZoneOffset.UTC).minusMonths(longestRetentionMonths).toInstant();
        return EventValidator.validate(index, event, now, config.ingestion().maxClockSkew(), oldest);
    }

    public int maxBatchSize() {
        return config.ingestion().maxBatchSize();
    }

    public Instant now() {
        return Clock.systemUTC().instant();
    }

    /** Stores valid events in one transaction; returns once committed. */
    public IngestionResult store(List<TraceEvent> events, String client) {
        if (events.isEmpty()) {
            return new IngestionResult(0, 0);
        }
        // one event per id: a batch that repeats an event stores it once
        Map<UUID, StoredEvent> unique = new LinkedHashMap<>();
        for (TraceEvent e : events) {
            unique.putIfAbsent(e.id(), StoredEvent.of(e));
        }
        TreeMap<YearMonth, List<StoredEvent>> byMonth = new TreeMap<>();
        for (StoredEvent e : unique.values()) {
            byMonth.computeIfAbsent(PartitionManager.monthOf(e.timestamp()), m -> new ArrayList<>()).add(e);
        }
        byMonth.keySet().forEach(partitions::ensure);

        int inserted;
        try {
            inserted = storeInOneTransaction(byMonth, client, true);
        } catch (SQLException e) {
            if (!EventCopy.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw storageFailure(e);
            }
            // some of these events are already stored (a re-sent batch, or a concurrent transaction
            // storing the same events): nothing of this attempt is committed; the row-by-row
            // idempotent insert sorts it out
            try {
                inserted = storeInOneTransaction(byMonth, client, false);
            } catch (SQLException again) {
                throw storageFailure(again);
            }
        }
        int dup = events.size() - inserted;
        accepted.increment(inserted);
        duplicates.increment(dup);
        return new IngestionResult(inserted, dup);
    }

    /**
     * The rows, one chain link per month and the rollups in one transaction; the number of rows
     * newly stored. {@code bulk}: the rows are loaded with {@code COPY} (fails with a unique
     * violation when one of them is already stored); otherwise with the idempotent
     * {@code insert ... on conflict do nothing}.
     */
    private int storeInOneTransaction(TreeMap<YearMonth, List<StoredEvent>> byMonth, String client, boolean bulk)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // 1. rows, in a global (month, id) order and without the chain lock: concurrent batches
                //    insert in parallel, and re-sends that overlap wait on each other without deadlock
                int inserted = 0;
                List<StoredEvent> stored = new ArrayList<>();
                Map<YearMonth, PendingBatch> pending = new TreeMap<>();
                for (Map.Entry<YearMonth, List<StoredEvent>> month : byMonth.entrySet()) {
                    PendingBatch batch = insertEvents(c, month.getValue(), bulk);
                    if (batch != null) {
                        pending.put(month.getKey(), batch);
                        stored.addAll(batch.events());
                        inserted += batch.events().size();
                    }
                }
                // 2. the rollups, before the chain lock: batches of other tokens need not wait for them
                updateRollups(c, stored);
                // 3. one chain link per month, months in order; the chain row stays locked until commit,
                //    which follows at once (a batch holding it never waits for another lock)
                for (Map.Entry<YearMonth, PendingBatch> batch : pending.entrySet()) {
                    link(c, batch.getKey(), batch.getValue(), client);
                }
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static fr.guichet.trace.store.StorageException storageFailure(SQLException e) {
        return new fr.guichet.trace.store.StorageException("trace batch not stored: " + e.getMessage(), e);
    }

    /** Rows newly stored for one month, with their batch entries (id order). */
    private record PendingBatch(long id, List<StoredEvent> events, byte[] entries, Instant first, Instant last) {
    }

    private PendingBatch insertEvents(Connection c, List<StoredEvent> unsorted, boolean bulk) throws SQLException {
        List<StoredEvent> events = new ArrayList<>(unsorted);
        events.sort((a, b) -> RowHasher.compareUuid(a.event().id(), b.event().id()));
        long batchId;
        try (PreparedStatement ps = c.prepareStatement("select nextval('trace_batch_id_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            batchId = rs.getLong(1);
        }
        List<StoredEvent> fresh = bulk ? copyNew(c, events, batchId) : insertIdempotent(c, events, batchId);
        if (fresh.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream entries = new ByteArrayOutputStream(fresh.size() * Chains.ENTRY_SIZE);
        RowHasher hasher = new RowHasher();
        Instant first = null;
        Instant last = null;
        for (StoredEvent e : fresh) {
            entries.writeBytes(RowHasher.uuidBytes(e.event().id()));
            entries.writeBytes(hasher.hashRow(e));
            first = first == null || e.timestamp().isBefore(first) ? e.timestamp() : first;
            last = last == null || e.timestamp().isAfter(last) ? e.timestamp() : last;
        }
        return new PendingBatch(batchId, fresh, entries.toByteArray(), first, last);
    }

    /**
     * Bulk path: one {@code COPY} of the month's events, in id order; returns them. No look-up of the
     * ids already held first: the primary key's check during the {@code COPY} is that look-up, and a
     * held id (a re-sent batch, rare: the gateway re-sends only a batch whose answer it did not get)
     * fails the {@code COPY} with a unique violation, after which {@link #store} takes the row-by-row
     * path. The look-up cost PostgreSQL a probe of the primary key per event on every batch
     * (docs/benchmarks.md).
     */
    private List<StoredEvent> copyNew(Connection c, List<StoredEvent> events, long batchId) throws SQLException {
        EventCopy.copy(c, events, batchId, e -> toJson(e.parameters()));
        return events;
    }

    /** Row-by-row path: {@code insert ... on conflict do nothing}; returns the rows it stored, in id order. */
    private List<StoredEvent> insertIdempotent(Connection c, List<StoredEvent> events, long batchId) throws SQLException {
        Set<UUID> insertedIds = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(INSERT_EVENTS)) {
            ps.setLong(1, batchId);
            int n = events.size();
            String[][] cols = new String[EventCopy.COLUMN_COUNT][n];
            for (int i = 0; i < n; i++) {
                String[] values = EventCopy.values(events.get(i), e -> toJson(e.parameters()));
                for (int k = 0; k < EventCopy.COLUMN_COUNT; k++) {
                    cols[k][i] = values[k];
                }
            }
            List<Array> arrays = new ArrayList<>(EventCopy.COLUMN_COUNT);
            for (int k = 0; k < EventCopy.COLUMN_COUNT; k++) {
                Array a = c.createArrayOf("text", cols[k]);
                arrays.add(a);
                ps.setArray(k + 2, a);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    insertedIds.add(rs.getObject(1, UUID.class));
                }
            }
            for (Array a : arrays) {
                a.free();
            }
        }
        List<StoredEvent> fresh = new ArrayList<>(insertedIds.size());
        for (StoredEvent e : events) {
            if (insertedIds.contains(e.event().id())) {
                fresh.add(e);
            }
        }
        return fresh;
    }

    /**
     * Appends the batch to its month's chain; serialised per month by the chain row's lock, held
     * until commit. The lock is taken by the first round trip (the month's chain row almost always
     * exists) and the link is written by the second, so that concurrent batches wait on each other
     * for as short a time as possible.
     */
    private void link(Connection c, YearMonth month, PendingBatch batch, String client) throws SQLException {
        Date monthStart = Date.valueOf(month.atDay(1));
        ChainHead head = lockChainHead(c, monthStart);
        if (head == null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into trace_chain (month, head_seq, head_hash) values (?, 0, ?) on conflict (month) do nothing")) {
                ps.setDate(1, monthStart);
                ps.setBytes(2, Chains.genesis(month));
                ps.executeUpdate();
            }
            head = lockChainHead(c, monthStart);
        }
        long seq = head.seq() + 1;
        byte[] hash = Chains.batchHash(month, seq, head.hash(), batch.entries());
        // both statements in one round trip (the driver sends them together)
        try (PreparedStatement ps = c.prepareStatement("""
                insert into trace_batch (id, month, seq, received_at, client, event_count, first_ts, last_ts,
                    entries, prev_hash, hash) values (?, ?, ?, now(), ?, ?, ?, ?, ?, ?, ?);
                update trace_chain set head_seq = ?, head_hash = ? where month = ?""")) {
            ps.setLong(1, batch.id());
            ps.setDate(2, monthStart);
            ps.setLong(3, seq);
            ps.setString(4, client);
            ps.setInt(5, batch.events().size());
            ps.setTimestamp(6, Timestamp.from(batch.first()));
            ps.setTimestamp(7, Timestamp.from(batch.last()));
            ps.setBytes(8, batch.entries());
            ps.setBytes(9, head.hash());
            ps.setBytes(10, hash);
            ps.setLong(11, seq);
            ps.setBytes(12, hash);
            ps.setDate(13, monthStart);
            ps.execute();
        }
    }

    private record ChainHead(long seq, byte[] hash) {
    }

    /** The month's chain head, its row locked until commit; {@code null} when the month has no chain yet. */
    private static ChainHead lockChainHead(Connection c, Date monthStart) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select head_seq, head_hash from trace_chain where month = ? for update")) {
            ps.setDate(1, monthStart);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ChainHead(rs.getLong(1), rs.getBytes(2)) : null;
            }
        }
    }

    /** Daily counts per token × operation × status, and each token's first/last use. */
    private void updateRollups(Connection c, List<StoredEvent> stored) throws SQLException {
        record Key(String jti, LocalDate day, String operation, int status) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int r = jti.compareTo(o.jti);
                if (r == 0) r = day.compareTo(o.day);
                if (r == 0) r = operation.compareTo(o.operation);
                return r != 0 ? r : Integer.compare(status, o.status);
            }
        }
        record Activity(String apiKind, String siret, Instant first, Instant last) {
        }
        TreeMap<Key, Long> counts = new TreeMap<>();
        TreeMap<String, Activity> activity = new TreeMap<>();
        for (StoredEvent s : stored) {
            TraceEvent e = s.event();
            // partners' statistics and a token's last use count API calls, not admin actions on it
            if (e.tokenJti() == null || e.kind() != TraceEvent.Kind.API_CALL) {
                continue;
            }
            LocalDate day = e.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
            counts.merge(new Key(e.tokenJti(), day, e.operationId() == null ? "" : e.operationId(), e.status()), 1L, Long::sum);
            activity.merge(e.tokenJti(), new Activity(e.apiKind(), e.partnerSiret(), e.timestamp(), e.timestamp()),
                    (a, b) -> new Activity(a.apiKind() != null ? a.apiKind() : b.apiKind(),
                            a.siret() != null ? a.siret() : b.siret(),
                            a.first().isBefore(b.first()) ? a.first() : b.first(),
                            a.last().isAfter(b.last()) ? a.last() : b.last()));
        }
        if (counts.isEmpty()) {
            return;
        }
        // one statement each, rows in sorted key order: concurrent batches lock rollup rows in the
        // same order (no deadlock), and a batch costs one round trip whatever its number of tokens
        int n = counts.size();
        String[] jtis = new String[n];
        String[] days = new String[n];
        String[] ops = new String[n];
        String[] statuses = new String[n];
        String[] sums = new String[n];
        int i = 0;
        for (Map.Entry<Key, Long> k : counts.entrySet()) {
            jtis[i] = k.getKey().jti();
            days[i] = k.getKey().day().toString();
            ops[i] = k.getKey().operation();
            statuses[i] = Integer.toString(k.getKey().status());
            sums[i] = Long.toString(k.getValue());
            i++;
        }
        int m = activity.size();
        String[] tokens = new String[m];
        String[] kinds = new String[m];
        String[] sirets = new String[m];
        String[] firsts = new String[m];
        String[] lasts = new String[m];
        i = 0;
        for (Map.Entry<String, Activity> a : activity.entrySet()) {
            tokens[i] = a.getKey();
            kinds[i] = a.getValue().apiKind();
            sirets[i] = a.getValue().siret();
            firsts[i] = a.getValue().first().toString();
            lasts[i] = a.getValue().last().toString();
            i++;
        }
        // both upserts in one round trip (the driver sends them together)
        try (PreparedStatement ps = c.prepareStatement("""
                insert into trace_stats_daily (token_jti, day, operation_id, status, count)
                select u.jti, u.day::date, u.op, u.status::integer, u.n::bigint
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(jti, day, op, status, n)
                on conflict (token_jti, day, operation_id, status)
                do update set count = trace_stats_daily.count + excluded.count;
                insert into trace_token_activity (token_jti, api_kind, partner_siret, first_seen, last_seen)
                select u.jti, u.kind, u.siret, u.first_seen::timestamptz, u.last_seen::timestamptz
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as u(jti, kind, siret, first_seen, last_seen)
                on conflict (token_jti) do update set
                    api_kind = coalesce(trace_token_activity.api_kind, excluded.api_kind),
                    partner_siret = coalesce(trace_token_activity.partner_siret, excluded.partner_siret),
                    first_seen = least(trace_token_activity.first_seen, excluded.first_seen),
                    last_seen = greatest(trace_token_activity.last_seen, excluded.last_seen)""")) {
            setArrays(c, ps, jtis, days, ops, statuses, sums, tokens, kinds, sirets, firsts, lasts);
            ps.execute();
        }
    }

    private static void setArrays(Connection c, PreparedStatement ps, String[]... columns) throws SQLException {
        for (int k = 0; k < columns.length; k++) {
            ps.setArray(k + 1, c.createArrayOf("text", columns[k]));
        }
    }

    private static Counter ingested(MeterRegistry registry, String outcome) {
        return Counter.builder("guichet.trace.ingested")
                .description("Trace events received, by outcome: accepted (stored) or duplicate (already held, ignored)")
                .tag("outcome", outcome).register(registry);
    }

    private String toJson(Map<String, String> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

}
