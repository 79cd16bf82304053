package fr.guichet.trace.query.service;

import fr.guichet.common.trace.TraceEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Short, indexed reads on the reactive pool: a token's last requests, its statistics, searches. */
@ApplicationScoped
public class TraceQueries {

    static final String COLUMNS = "id, ts, kind, request_id, token_jti, habilitation_id, partner_siret, api_kind, method,"
            + " operation_id, path, parameters, client_ip, user_agent, status, error_code, provider, latency_ms, actor,"
            + " action, reason";

    private final Pool pool;

    public TraceQueries(Pool pool) {
        this.pool = pool;
    }

    /** Organisation (SIRET) that used a token, if it has been seen. */
    public Uni<Optional<String>> tokenOwner(String jti) {
        return pool.preparedQuery("select partner_siret from trace_token_activity where token_jti = $1")
                .execute(Tuple.of(jti))
                .map(rows -> rows.size() == 0 ? Optional.<String>empty()
                        : Optional.ofNullable(rows.iterator().next().getString(0)));
    }

    /** Newest first, keyset-paginated by timestamp. */
    public Uni<List<TraceEvent>> search(TraceFilter filter, int limit) {
        List<Object> args = new ArrayList<>();
        String sql = "select " + COLUMNS + " from trace_event where " + filter.where(args, true)
                + " order by ts desc, id desc limit " + limit;
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<TraceEvent> events = new ArrayList<>(rows.size());
            rows.forEach(r -> events.add(toEvent(r)));
            return events;
        });
    }

    /**
     * One event by its id, whatever its month (one primary-key probe per partition); empty if unknown.
     * Should a forged row repeat an id, the earliest stored row is the one returned.
     */
    public Uni<Optional<TraceEvent>> byId(UUID id) {
        return pool.preparedQuery("select " + COLUMNS + " from trace_event where id = $1 order by ts limit 1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<TraceEvent>empty() : Optional.of(toEvent(rows.iterator().next())));
    }

    /** From the daily rollup, never from the events. */
    public Uni<List<DailyCount>> stats(String jti, LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                        select day, operation_id, status, count from trace_stats_daily
                        where token_jti = $1 and day >= $2 and day <= $3 order by day, operation_id, status""")
                .execute(Tuple.of(jti, from, to))
                .map(rows -> {
                    List<DailyCount> counts = new ArrayList<>(rows.size());
                    rows.forEach(r -> counts.add(new DailyCount(r.getLocalDate(0), r.getString(1), r.getInteger(2), r.getLong(3))));
                    return counts;
                });
    }

    static TraceEvent toEvent(Row r) {
        Map<String, String> parameters = null;
        Object raw = r.getValue("parameters");
        if (raw instanceof JsonObject obj) {
            parameters = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : obj) {
                parameters.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
            }
        }
        String kind = r.getString("kind");
        OffsetDateTime ts = r.getOffsetDateTime("ts");
        return new TraceEvent(r.getUUID("id"), ts.toInstant(), kind == null ? null : TraceEvent.Kind.valueOf(kind),
                r.getString("request_id"), r.getString("token_jti"), r.getString("habilitation_id"),
                r.getString("partner_siret"), r.getString("api_kind"), r.getString("method"), r.getString("operation_id"),
                r.getString("path"), parameters, r.getString("client_ip"), r.getString("user_agent"),
                r.getInteger("status"), r.getString("error_code"), r.getString("provider"), r.getLong("latency_ms"),
                r.getString("actor"), r.getString("action"), r.getString("reason"));
    }
}
