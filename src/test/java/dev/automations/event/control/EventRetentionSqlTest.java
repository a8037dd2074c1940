package dev.automations.event.control;

import dev.automations.platform.control.SqlDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The purge statement on both real databases, migrated by the project's own Flyway scripts. */
class EventRetentionSqlTest {

    @ParameterizedTest
    @EnumSource(SqlDatabase.class)
    void purgesOnlyOldEventsInBoundedBatches(SqlDatabase database) throws Exception {
        database.with(EventRetentionSqlTest::purgesOnlyOldEventsInBoundedBatches);
    }

    private static void purgesOnlyOldEventsInBoundedBatches(DataSource db) throws SQLException {
        SqlDatabase.migrate(db);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Connection c = db.getConnection()) {
            UUID automation = SqlDatabase.seedAutomation(c);
            insertEvents(c, automation, EventRetention.BATCH + 500, now.minus(10, ChronoUnit.DAYS));
            insertEvents(c, automation, 20, now.minus(1, ChronoUnit.DAYS));
            Instant cutoff = now.minus(7, ChronoUnit.DAYS);
            assertEquals(EventRetention.BATCH, purge(c, cutoff));
            assertEquals(500, purge(c, cutoff));
            assertEquals(0, purge(c, cutoff));
            assertEquals(20, count(c, "automation_events"));
            assertEquals(20, count(c, "automation_event_payloads"), "an event's payload goes with it");
        }
    }

    private static int purge(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(EventRetention.PURGE_SQL)) {
            s.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            return s.executeUpdate();
        }
    }

    private static void insertEvents(Connection c, UUID automation, int n, Instant receivedAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO automation_events (id, automation_id, trigger_id, received_at, "
                + "raw_payload, filter_matched, resolved_labels, status, signature_verified) VALUES (?, ?, ?, ?, FALSE, TRUE, '{}', 'pending', TRUE)");
             PreparedStatement p = c.prepareStatement("INSERT INTO automation_event_payloads (event_id, payload) VALUES (?, '{}')")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                s.setObject(1, id);
                s.setObject(2, automation);
                s.setObject(3, UUID.randomUUID());
                s.setObject(4, receivedAt.atOffset(ZoneOffset.UTC));
                s.addBatch();
                p.setObject(1, id);
                p.addBatch();
            }
            s.executeBatch();
            p.executeBatch();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
