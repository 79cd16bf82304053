package fr.guichet.trace.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One run of a job at a time across trace-service replicas: a PostgreSQL session advisory lock
 * taken with {@code pg_try_advisory_lock} and held, on a connection of its own outside any
 * transaction, for the run. A replica that finds it taken skips its run instead of waiting.
 */
public final class RunLock {

    private RunLock() {
    }

    /**
     * Runs {@code job} if the lock {@code key} is free.
     *
     * @return the job's result, or empty when another run holds the lock
     * @throws SQLException when the lock cannot be asked for (database unreachable)
     */
    public static <T> Optional<T> ifFree(DataSource dataSource, long key, Supplier<T> job) throws SQLException {
        try (Connection guard = dataSource.getConnection()) {
            try (PreparedStatement ps = guard.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return Optional.empty();
                    }
                }
            }
            try {
                return Optional.of(job.get());
            } finally {
                // a session lock outlives the pooled connection's borrower: give it back explicitly
                try (PreparedStatement ps = guard.prepareStatement("select pg_advisory_unlock(?)")) {
                    ps.setLong(1, key);
                    ps.execute();
                }
            }
        }
    }
}
