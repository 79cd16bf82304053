package fr.guichet.trace.query.service;

import fr.guichet.common.trace.KeyedHash;
import fr.guichet.common.trace.TraceEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the API calls about a person from the identity an auditor holds: each parameter value is
 * hashed as the gateway hashed it in the trace ({@link KeyedHash}, the installation's trace salt),
 * and the calls whose stored parameters carry every one of those hashes are returned, newest first.
 *
 * <p>The gateway hashes what the partner sent, as sent, so each value is looked for in the forms a
 * partner may have sent it: as given, upper case, lower case, and for a number of up to four digits
 * with and without a leading zero ({@code 9}, {@code 09}); a parameter is looked for under its name
 * with and without {@code []} ({@code prenoms}, {@code prenoms[]}), its values joined with
 * {@code ","} as the gateway joins an array.
 */
@ApplicationScoped
public class IdentitySearch {

    private final Pool pool;

    public IdentitySearch(Pool pool) {
        this.pool = pool;
    }

    /**
     * The hashes a value may be stored under.
     *
     * @param values one value, or an array parameter's values in order
     */
    public static List<String> hashes(KeyedHash hash, List<String> values) {
        String joined = String.join(",", values);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(joined);
        forms.add(joined.toUpperCase(Locale.ROOT));
        forms.add(joined.toLowerCase(Locale.ROOT));
        if (joined.matches("[0-9]{1,4}")) {
            int n = Integer.parseInt(joined);
            forms.add(Integer.toString(n));
            forms.add(String.format(Locale.ROOT, "%02d", n));
        }
        List<String> hashes = new ArrayList<>(forms.size());
        forms.forEach(f -> hashes.add(hash.hash(f)));
        return hashes;
    }

    /**
     * The API calls matching {@code filter} whose parameters carry, for every entry of
     * {@code identity}, one of its hashes.
     *
     * @param identity parameter name (without {@code []}) to the hashes it may be stored under
     */
    public Uni<List<TraceEvent>> search(TraceFilter filter, Map<String, List<String>> identity, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(filter.apiCallsOnly().where(args, true));
        for (Map.Entry<String, List<String>> p : new LinkedHashMap<>(identity).entrySet()) {
            args.add(p.getValue().toArray(String[]::new));
            String any = "any($" + args.size() + ")";
            args.add(p.getKey());
            String name = "$" + args.size();
            args.add(p.getKey() + "[]");
            String arrayName = "$" + args.size();
            where.append(" and (parameters->>").append(name).append(" = ").append(any)
                    .append(" or parameters->>").append(arrayName).append(" = ").append(any).append(')');
        }
        String sql = "select " + TraceQueries.COLUMNS + " from trace_event where " + where
                + " order by ts desc, id desc limit " + limit;
        return pool.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<TraceEvent> events = new ArrayList<>(rows.size());
            rows.forEach(r -> events.add(TraceQueries.toEvent(r)));
            return events;
        });
    }
}
