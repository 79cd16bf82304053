package fr.guichet.trace.availability.service;

import fr.guichet.trace.availability.client.GatewayPings.State;
import fr.guichet.trace.store.StorageException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code provider_availability} table: one row per provider and day (Europe/Paris) with its
 * minute counters and the last minute counted.
 */
@ApplicationScoped
public class AvailabilityStore {

    /** Days are Paris days, as the partners and the status page read them. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /**
     * Counts the minute once per provider: a replica (or a second reading within the same minute)
     * that comes with a minute not newer than the row's last one changes nothing.
     */
    private static final String COUNT = """
            insert into provider_availability (provider, day, up_minutes, down_minutes, maintenance_minutes, last_minute)
            values (?, ?, ?, ?, ?, ?)
            on conflict (provider, day) do update set
                up_minutes = provider_availability.up_minutes + excluded.up_minutes,
                down_minutes = provider_availability.down_minutes + excluded.down_minutes,
                maintenance_minutes = provider_availability.maintenance_minutes + excluded.maintenance_minutes,
                last_minute = excluded.last_minute
            where provider_availability.last_minute < excluded.last_minute
            """;

    /** One stored day of one provider; minutes are counts of one-minute readings. */
    public record Row(String provider, LocalDate day, int upMinutes, int downMinutes, int maintenanceMinutes) {
    }

    private final AgroalDataSource dataSource;

    public AvailabilityStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Counts one reading of the pings for the minute {@code at} falls in.
     *
     * @return the providers whose minute was counted (others had it already)
     * @throws StorageException when the database refuses
     */
    public int count(Map<String, State> states, Instant at) {
        Instant minute = at.truncatedTo(ChronoUnit.MINUTES);
        LocalDate day = LocalDate.ofInstant(minute, PARIS);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(COUNT)) {
            for (Map.Entry<String, State> e : states.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setDate(2, Date.valueOf(day));
                ps.setInt(3, e.getValue() == State.UP ? 1 : 0);
                ps.setInt(4, e.getValue() == State.DOWN ? 1 : 0);
                ps.setInt(5, e.getValue() == State.MAINTENANCE ? 1 : 0);
                ps.setTimestamp(6, Timestamp.from(minute));
                ps.addBatch();
            }
            int counted = 0;
            for (int n : ps.executeBatch()) {
                counted += n > 0 ? 1 : 0;
            }
            return counted;
        } catch (SQLException e) {
            throw new StorageException("availability not recorded: " + e.getMessage(), e);
        }
    }

    /** Deletes the days before {@code firstKept}; returns how many rows went. */
    public int purgeBefore(LocalDate firstKept) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from provider_availability where day < ?")) {
            ps.setDate(1, Date.valueOf(firstKept));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("availability purge failed: " + e.getMessage(), e);
        }
    }

    /** The stored days from {@code from} to {@code to} (both included), by provider then day. */
    public List<Row> between(LocalDate from, LocalDate to) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select provider, day, up_minutes, down_minutes, maintenance_minutes from provider_availability
                where day between ? and ? order by provider, day""")) {
            ps.setDate(1, Date.valueOf(from));
            ps.setDate(2, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StorageException("availability unreadable: " + e.getMessage(), e);
        }
    }
}
