package fr.guichet.it;

import fr.guichet.testing.GuichetStack;
import fr.guichet.testing.Service;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * A suite's own PostgreSQL schemas: token-service and trace-service of one stack get a fresh
 * {@code schema} in the integration databases, a clean state every run, shared with no other suite.
 */
public final class Schemas {

    private Schemas() {
    }

    /**
     * Gives token-service and trace-service their own {@code schema}, made fresh once the stack
     * holds the run lock (a run waiting for it must not wipe the schema of the run holding it).
     */
    public static GuichetStack.Builder ownSchemas(GuichetStack.Builder builder, String schema) {
        for (Service s : List.of(Service.TOKEN, Service.TRACE)) {
            builder.onRunLock(() -> resetSchema(s.database(), schema));
            builder.property(s, "quarkus.datasource.jdbc.url", jdbcUrl(s, schema))
                    .property(s, "quarkus.datasource.reactive.url",
                            "postgresql://" + GuichetStack.PG + "/" + s.database() + "?search_path=" + schema)
                    .property(s, "quarkus.flyway.schemas", schema)
                    .property(s, "quarkus.flyway.default-schema", schema);
        }
        return builder;
    }

    /** The JDBC URL of a service's integration database, on {@code schema}. */
    public static String jdbcUrl(Service service, String schema) {
        return "jdbc:postgresql://" + GuichetStack.PG + "/" + service.database() + "?currentSchema=" + schema;
    }

    /** A connection to a service's integration database, on {@code schema}. */
    public static Connection connect(Service service, String schema) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(service, schema), GuichetStack.DB_USER, GuichetStack.DB_PASSWORD);
    }

    /** Drops and recreates {@code schema} in {@code database}: a fresh state for one suite's services. */
    public static void resetSchema(String database, String schema) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + GuichetStack.PG + "/" + database,
                GuichetStack.DB_USER, GuichetStack.DB_PASSWORD); var st = c.createStatement()) {
            st.execute("drop schema if exists " + schema + " cascade");
            st.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare schema " + schema + " in " + database, e);
        }
    }
}
