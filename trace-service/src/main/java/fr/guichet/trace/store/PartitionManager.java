package fr.guichet.trace.store;

import fr.guichet.trace.config.TraceConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Monthly partitions of {@code trace_event}: created ahead of time, listed for retention. */
@ApplicationScoped
public class PartitionManager {

    private static final Logger LOG = Logger.getLogger(PartitionManager.class);

    private final AgroalDataSource dataSource;
    private final TraceConfig config;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    public PartitionManager(AgroalDataSource dataSource, TraceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.partitions().createAtStart()) {
            createAhead();
        }
    }

    @Scheduled(cron = "${guichet.trace.partitions.cron}", identity = "trace-partitions")
    public void createAhead() {
        YearMonth now = YearMonth.now(Clock.systemUTC());
        for (int i = 0; i <= config.partitions().monthsAhead(); i++) {
            ensure(now.plusMonths(i));
        }
        LOG.debugf("partitions ready up to %s", now.plusMonths(config.partitions().monthsAhead()));
    }

    /** Creates the month's partition if absent (idempotent, cached). */
    public void ensure(YearMonth month) {
        if (known.contains(month)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select trace_ensure_partition(?)")) {
            ps.setDate(1, Date.valueOf(month.atDay(1)));
            ps.execute();
            known.add(month);
        } catch (SQLException e) {
            throw new fr.guichet.trace.store.StorageException("cannot create the trace partition of " + month, e);
        }
    }

    /** Forgets a dropped partition so that a late event re-creates it. */
    public void forget(YearMonth month) {
        known.remove(month);
    }

    public static String partitionName(YearMonth month) {
        return String.format("trace_event_%04d_%02d", month.getYear(), month.getMonthValue());
    }

    public static YearMonth monthOf(java.time.Instant ts) {
        return YearMonth.from(ts.atOffset(ZoneOffset.UTC));
    }

    /** Existing partitions, oldest first. */
    public List<YearMonth> existing(Connection c) throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                        + "join pg_class p on p.oid = i.inhparent where p.relname = 'trace_event' order by c.relname");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (name.matches("trace_event_\\d{4}_\\d{2}")) {
                    months.add(YearMonth.of(Integer.parseInt(name.substring(12, 16)), Integer.parseInt(name.substring(17, 19))));
                }
            }
        }
        return months;
    }

    public boolean exists(LocalDate day) {
        try (Connection c = dataSource.getConnection()) {
            return existing(c).contains(YearMonth.from(day));
        } catch (SQLException e) {
            return false;
        }
    }
}
