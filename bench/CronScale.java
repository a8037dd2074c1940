import dev.automations.it.Api;
import dev.automations.platform.control.SqlDatabase;
import io.restassured.RestAssured;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The §10 scale figures (issue: idle tick < 10 ms of database time with 100 000 cron triggers; 1 000 triggers due
 * in the same minute all fired within 5 s of it), on real PostgreSQL with one real service instance.
 * Run with bench/cron-scale.sh; it prints its figures and exits non-zero when a target is missed.
 */
public class CronScale {

    static final int AUTOMATIONS = 5_000;
    static final int PER_AUTOMATION = 20;
    static final int DUE = 1_000;
    static final String TICK_SQL = "SELECT id, next_fire_at, CURRENT_TIMESTAMP FROM automation_triggers "
            + "WHERE next_fire_at <= CURRENT_TIMESTAMP ORDER BY next_fire_at LIMIT 5000";

    /** With {@code --labels} every trigger labels its events alike, so firings continue the owner's chat instead of creating one. */
    public static void main(String[] args) throws Exception {
        String labelPaths = List.of(args).contains("--labels") ? "{\"s\":\"schedule\"}" : null;
        try (EmbeddedPostgres pg = SqlDatabase.postgres().setPort(54339).setServerConfig("listen_addresses", "127.0.0.1").start()) {
            String url = database(pg);
            Process service = start(url, 18290, Path.of("target/bench/data"), Path.of("target/cron-bench-service.log"), "-Xmx1g");
            try {
                Api api = new Api(new URL("http://localhost:18290"));
                String token = api.newUser(api.ownerToken()).token();
                String owner = api.as(token).get("/api/v2/users/me").then().extract().path("id");
                try (Connection c = DriverManager.getConnection(url, "automations", "bench")) {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    OffsetDateTime nextYear = OffsetDateTime.of(now.getYear() + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
                    List<UUID> triggers = seed(c, List.of(UUID.fromString(owner)), AUTOMATIONS, PER_AUTOMATION, "0 0 1 1 *", nextYear, labelPaths);
                    System.out.printf("seeded %d cron triggers in %d automations%n", triggers.size(), AUTOMATIONS);
                    idleTick(c);
                    dueBurst(c, triggers);
                }
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /** The service's role and database in a fresh PostgreSQL, as an operator creates them; returns the JDBC URL. */
    static String database(EmbeddedPostgres pg) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE automations LOGIN PASSWORD 'bench'");
            s.execute("CREATE DATABASE automations OWNER automations");
        }
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/automations";
    }

    /**
     * One service instance started the README's way, {@code ./run} with the WAR as built ({@code SKIP_BUILD=1}), on
     * loopback and {@code port}, on PostgreSQL at {@code url}; returns once it is ready. Instances given the same
     * {@code dataDir} share its secret key file; each port gets its own Payara runtime directory there.
     */
    static Process start(String url, int port, Path dataDir, Path log, String javaOpts) throws Exception {
        try (Socket taken = new Socket(InetAddress.getLoopbackAddress(), port)) {
            // Another server there would answer the readiness check in this one's place.
            throw new IllegalStateException("port " + port + " is in use");
        } catch (ConnectException free) {
            // as it should be
        }
        ProcessBuilder b = new ProcessBuilder("./run");
        b.environment().putAll(Map.of("PORT", String.valueOf(port), "BIND_ADDRESS", "127.0.0.1", "SKIP_BUILD", "1",
                "AUTOMATIONS_DATA_DIR", dataDir.toString(), "JAVA_OPTS", javaOpts,
                "AUTOMATIONS_DB_URL", url, "AUTOMATIONS_DB_USER", "automations", "AUTOMATIONS_DB_PASSWORD", "bench"));
        Files.createDirectories(log.getParent());
        Process service = b.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitReady("http://localhost:" + port, service, log);
            awaitArchived(service);
            return service;
        } catch (RuntimeException | InterruptedException e) {
            service.destroy();
            throw e;
        }
    }

    /**
     * The first start on a port archives Payara's classes in the background once ready (see {@code ./run}); waits for
     * that to end, so that it does not take CPU from what is measured.
     */
    private static void awaitArchived(Process service) throws InterruptedException {
        for (int i = 0; i < 600 && service.descendants().anyMatch(p -> p.info().commandLine().orElse("").contains("-Xshare:dump")); i++) {
            Thread.sleep(1000);
        }
    }

    /** Waits until {@code base} answers ready; fails when the service exits or takes ten minutes (a loaded machine). */
    private static void awaitReady(String base, Process service, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (RestAssured.given().baseUri(base).get("/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the service on " + base + " did not start; see " + log);
    }

    /**
     * {@code automations} active automations, owned by the owners in turn, each with {@code perAutomation} cron triggers
     * on {@code schedule}, next due at {@code nextFire}; written directly for speed. Returns the trigger ids.
     */
    static List<UUID> seed(Connection c, List<UUID> owners, int automations, int perAutomation, String schedule, OffsetDateTime nextFire,
                           String labelPaths) throws Exception {
        c.setAutoCommit(false);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<UUID> triggers = new ArrayList<>();
        try (PreparedStatement a = c.prepareStatement("INSERT INTO automations (id, owner_id, organization_id, name, mcp_server_ids, "
                + "allowed_tools, status, max_chat_creates_per_hour, max_messages_per_hour, created_at, updated_at) "
                + "VALUES (?, ?, '00000000-0000-0000-0000-000000000001', ?, '[]', '[]', 'active', 1000, 1000, ?, ?)");
             PreparedStatement t = c.prepareStatement("INSERT INTO automation_triggers (id, automation_id, type, cron_schedule, next_fire_at, "
                     + "label_paths, created_at, updated_at) VALUES (?, ?, 'cron', ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < automations; i++) {
                UUID automation = UUID.randomUUID();
                a.setObject(1, automation);
                a.setObject(2, owners.get(i % owners.size()));
                a.setString(3, "bench-" + i);
                a.setObject(4, now);
                a.setObject(5, now);
                a.addBatch();
                for (int j = 0; j < perAutomation; j++) {
                    UUID trigger = UUID.randomUUID();
                    triggers.add(trigger);
                    t.setObject(1, trigger);
                    t.setObject(2, automation);
                    t.setString(3, schedule);
                    t.setObject(4, nextFire);
                    t.setString(5, labelPaths);
                    t.setObject(6, now);
                    t.setObject(7, now);
                    t.addBatch();
                }
                if (i % 500 == 499) {
                    a.executeBatch();
                    t.executeBatch();
                }
            }
            a.executeBatch();
            t.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE automation_triggers");
        }
        return triggers;
    }

    /** The tick's query, as the database executes it, with nothing due. */
    static void idleTick(Connection c) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + TICK_SQL)) {
                while (r.next()) {
                    String line = r.getString(1);
                    if (line.startsWith("Execution Time:")) {
                        millis.add(Double.parseDouble(line.replaceAll("[^0-9.]", "")));
                    }
                }
            }
        }
        Collections.sort(millis);
        double median = millis.get(millis.size() / 2);
        double max = millis.get(millis.size() - 1);
        System.out.printf("idle tick (none due of %d): database execution time median %.3f ms, max %.3f ms over 50 runs (target < 10 ms)%n",
                AUTOMATIONS * PER_AUTOMATION, median, max);
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("EXPLAIN " + TICK_SQL)) {
            while (r.next()) {
                System.out.println("  plan: " + r.getString(1));
            }
        }
        if (median >= 10) {
            throw new IllegalStateException("idle tick target missed");
        }
    }

    /**
     * 1 000 triggers (in 50 automations, 20 each) made due at the next minute; waits for that minute and measures.
     * Without labels every firing creates a chat; with them, most continue one.
     */
    static void dueBurst(Connection c, List<UUID> triggers) throws Exception {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
        if (Instant.now().plusSeconds(5).isAfter(minute)) {
            minute = minute.plus(1, ChronoUnit.MINUTES);
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE automation_triggers SET cron_schedule = '* * * * *', next_fire_at = ? WHERE id = ?")) {
            for (int i = 0; i < DUE; i++) {
                s.setObject(1, minute.atOffset(ZoneOffset.UTC));
                s.setObject(2, triggers.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
        Thread.sleep(Math.max(0, minute.toEpochMilli() - System.currentTimeMillis()));
        double recordedAfter = Double.NaN;
        double firedAfter = Double.NaN;
        String sql = "SELECT COUNT(*), SUM(CASE WHEN status <> 'pending' THEN 1 ELSE 0 END) FROM automation_events WHERE delivery_id = ?";
        // Polls what is committed, so the figures are when the last occurrence was durably recorded and fired.
        while (Double.isNaN(firedAfter) && System.currentTimeMillis() < minute.plusSeconds(60).toEpochMilli()) {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, "cron:" + minute);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    double elapsed = (System.currentTimeMillis() - minute.toEpochMilli()) / 1000.0;
                    if (Double.isNaN(recordedAfter) && r.getLong(1) == DUE) {
                        recordedAfter = elapsed;
                    }
                    if (r.getLong(2) == DUE) {
                        firedAfter = elapsed;
                    }
                }
            }
            Thread.sleep(50);
        }
        System.out.printf("due burst: all %d occurrences at %s committed as events %.2f s after the minute (target: within 5 s)%n",
                DUE, minute, recordedAfter);
        System.out.printf("           and all fired through the chat bridge %.2f s after it (target: within 5 s)%n", firedAfter);
        try (PreparedStatement s = c.prepareStatement("SELECT status, COUNT(*) FROM automation_events WHERE delivery_id = ? GROUP BY status ORDER BY status")) {
            s.setString(1, "cron:" + minute);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    System.out.printf("           %s: %d%n", r.getString(1), r.getLong(2));
                }
            }
        }
        if (Double.isNaN(recordedAfter) || Double.isNaN(firedAfter) || firedAfter > 5) {
            throw new IllegalStateException("due burst target missed");
        }
    }

}
