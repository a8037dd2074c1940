package dev.automations.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11's crash suite, on PostgreSQL: an instance of its own, on a database of its own, takes signed deliveries at
 * a steady rate ({@code -Dcrash.rate}, per second) and is killed with SIGKILL five times, restarted after each. The
 * sender redelivers what got no 200, with the same delivery id, as GitHub's redelivery does. Afterwards every delivery
 * answered 200 has exactly one event, the one its answer named; no event is fired twice; and what the crashes left
 * pending is fired within 60 s of the last restart's readiness, with the production sweep period.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "postgres")
class CrashIT {

    private static final int KILLS = 5;
    private static final int AUTOMATIONS = 10;
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    /** Deliveries answered between a restart and the next kill: load on the restarted instance before it dies again. */
    private static final int BETWEEN_KILLS = 3;

    @Test
    void killedFiveTimesUnderLoadItLosesNothingAndFiresNothingTwice() throws Exception {
        int rate = Integer.getInteger("crash.rate", 20);
        OwnDatabase database = OwnDatabase.create("crash");
        TestServer.Boot boot = new TestServer.Boot("postgres", ServerProcess.freePort(), ItSession.logs().resolve("crash.log"),
                Map.of("automations.data-dir", ItSession.dataDir() + "-crash"), database.environment());
        long started = System.nanoTime();
        TestServer server = TestServer.start(boot);
        List<Hook> hooks = new ArrayList<>();
        Api api = new Api(server.url());
        for (int i = 0; i < AUTOMATIONS; i++) {
            hooks.add(Hook.create(api, Map.of("max_chat_creates_per_hour", 1000, "max_messages_per_hour", 1000), Map.of()));
        }
        List<String> restarts = new ArrayList<>();
        try (Sender sender = new Sender(server.url(), hooks, rate); Connection db = database.connect()) {
            for (int kill = 1; kill <= KILLS; kill++) {
                long answered = sender.answered();
                Await.until(BETWEEN_KILLS * rate + " deliveries answered before kill " + kill, Duration.ofSeconds(60),
                        () -> sender.answered() >= answered + (long) BETWEEN_KILLS * rate);
                server.kill();
                long down = System.nanoTime();
                server = TestServer.start(boot);
                restarts.add(String.format("kill %d: down %d s, %d pending at readiness", kill,
                        Duration.ofNanos(System.nanoTime() - down).toSeconds(), pending(db).size()));
            }
            Instant ready = Instant.now();
            Set<String> left = pending(db);
            int leftAtReadiness = left.size();
            Await.until(leftAtReadiness + " events the crashes left pending to be fired", RECOVERY, () -> {
                left.retainAll(pending(db));
                return left.isEmpty();
            });
            long drained = Duration.between(ready, Instant.now()).toSeconds();
            sender.stop();
            sender.redeliverUntilAnswered(Duration.ofMinutes(3));
            Await.until("no event pending", RECOVERY, () -> pending(db).isEmpty());
            System.out.printf("CrashIT: %d/s, %d deliveries answered 200 (%d redeliveries sent), %d kills in %d s; %s;"
                            + " after the last restart the %d left pending were fired in %d s%n", rate, sender.acknowledged().size(),
                    sender.redelivered(), KILLS, Duration.ofNanos(System.nanoTime() - started).toSeconds(), String.join(", ", restarts),
                    leftAtReadiness, drained);

            assertTrue(sender.problems().isEmpty(), () -> "answers other than 200 or no answer: " + sender.problems());
            Map<String, String> events = eventsByDelivery(db);
            Map<String, String> acknowledged = sender.acknowledged();
            List<String> wrong = acknowledged.entrySet().stream().filter(a -> !a.getValue().equals(events.get(a.getKey())))
                    .map(a -> a.getKey() + " answered with " + a.getValue() + ", recorded as " + events.get(a.getKey())).limit(10).toList();
            assertTrue(wrong.isEmpty(), () -> "a 200 without its event: " + wrong);
            assertEquals(acknowledged.size(), events.size(), "one event per delivery, none without its 200");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM (SELECT automation_event_id FROM chat_messages WHERE automation_event_id IS NOT NULL"
                    + " GROUP BY automation_event_id HAVING COUNT(*) > 1) twice"), "no event fired twice");
            assertEquals(0, count(db, "SELECT COUNT(*) FROM automation_events e WHERE status IN ('created', 'continued') AND NOT EXISTS"
                    + " (SELECT 1 FROM chat_messages m WHERE m.automation_event_id = e.id)"), "every fired event has its message");
        } finally {
            server.close();
        }
    }

    private static Set<String> pending(Connection db) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement s = db.prepareStatement("SELECT id FROM automation_events WHERE status = 'pending'");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        }
        return ids;
    }

    /** Event ids by trigger and delivery id, as {@link Sender} keys them. */
    private static Map<String, String> eventsByDelivery(Connection db) throws SQLException {
        Map<String, String> events = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("SELECT trigger_id, delivery_id, id FROM automation_events");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                events.put(r.getString(1) + "/" + r.getString(2), r.getString(3));
            }
        }
        return events;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
