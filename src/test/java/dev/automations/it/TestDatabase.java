package dev.automations.it;

import dev.automations.platform.control.SqlDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The integration-test run's fresh database: for {@code postgres} a real PostgreSQL (zonky) on the port the failsafe
 * execution put into {@code AUTOMATIONS_DB_URL}, with the application's own role; for {@code h2} an emptied data directory.
 */
public final class TestDatabase {

    public static final String ROLE = "automations";
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    static void open(String db) {
        if ("postgres".equals(db)) {
            startPostgres();
        } else if ("h2".equals(db)) {
            deleteTree(ItSession.dataDir());
        }
    }

    static void close() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The port of {@code AUTOMATIONS_DB_URL}, so one property of the build ({@code it.pg.port}) picks it. */
    private static int port() {
        return java.net.URI.create(System.getenv("AUTOMATIONS_DB_URL").substring("jdbc:".length())).getPort();
    }

    /** A connection as the application's role, to the database the server uses, for tests that look at its rows. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getenv("AUTOMATIONS_DB_URL"), System.getenv("AUTOMATIONS_DB_USER"),
                System.getenv("AUTOMATIONS_DB_PASSWORD"));
    }

    /** Runs SQL as the PostgreSQL superuser, for tests that make the database misbehave. */
    public static void superuser(String sql) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static void startPostgres() {
        try {
            postgres = SqlDatabase.postgres().setPort(port()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        superuser("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + System.getenv("AUTOMATIONS_DB_PASSWORD") + "'");
        superuser("CREATE DATABASE automations OWNER " + ROLE);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
