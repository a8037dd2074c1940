package dev.automations.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Gives each integration-test run a fresh database before Arquillian boots Payara: for {@code it.db=postgres}
 * a real PostgreSQL (zonky) on the port the failsafe execution put into {@code AUTOMATIONS_DB_URL}, with the
 * application's own role; for H2 an emptied data directory. Plain unit-test runs (no {@code it.db}) are untouched.
 */
public class TestDatabase implements LauncherSessionListener {

    public static final int PORT = 54329;
    public static final String ROLE = "automations";
    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String db = System.getProperty("it.db");
        if ("postgres".equals(db)) {
            startPostgres();
        } else if ("h2".equals(db)) {
            deleteTree(Paths.get(System.getProperty("it.dataDir")));
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static boolean isPostgres() {
        return postgres != null;
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
            postgres = EmbeddedPostgres.builder().setPort(PORT).start();
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
