package dev.automations.event.control;

import dev.automations.platform.control.SqlDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** V15 on both real databases: payloads stored before it move to their own table, and go with their event. */
class EventPayloadMigrationSqlTest {

    @ParameterizedTest
    @EnumSource(SqlDatabase.class)
    void movesPayloads(SqlDatabase database) throws Exception {
        database.with(EventPayloadMigrationSqlTest::movesPayloads);
    }

    private static void movesPayloads(DataSource db) throws SQLException {
        SqlDatabase.migrate(db, "14");
        UUID kept = UUID.randomUUID();
        UUID deleted = UUID.randomUUID();
        String large = "{\"body\":\"" + "x".repeat(20_000) + "\"}";
        try (Connection c = db.getConnection()) {
            UUID automation = SqlDatabase.seedAutomation(c);
            event(c, kept, automation, large);
            event(c, deleted, automation, "{}");
        }
        SqlDatabase.migrate(db);
        try (Connection c = db.getConnection()) {
            assertEquals(List.of(kept.toString(), deleted.toString()).stream().sorted().toList(), payloadIds(c));
            assertEquals(large, payload(c, kept));
            assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT payload FROM automation_events"),
                    "the events table keeps no payload");
            try (PreparedStatement s = c.prepareStatement("DELETE FROM automation_events WHERE id = ?")) {
                s.setObject(1, deleted);
                s.executeUpdate();
            }
            assertEquals(List.of(kept.toString()), payloadIds(c));
        }
    }

    private static void event(Connection c, UUID id, UUID automation, String payload) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO automation_events (id, automation_id, trigger_id, received_at, payload, "
                + "raw_payload, filter_matched, resolved_labels, status, signature_verified) VALUES (?, ?, ?, ?, ?, FALSE, TRUE, '{}', 'pending', TRUE)")) {
            s.setObject(1, id);
            s.setObject(2, automation);
            s.setObject(3, UUID.randomUUID());
            s.setObject(4, OffsetDateTime.parse("2026-12-01T10:00:00Z"));
            s.setString(5, payload);
            s.executeUpdate();
        }
    }

    private static List<String> payloadIds(Connection c) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery("SELECT event_id FROM automation_event_payloads ORDER BY event_id")) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class).toString());
            }
        }
        return ids.stream().sorted().toList();
    }

    private static String payload(Connection c, UUID event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT payload FROM automation_event_payloads WHERE event_id = ?")) {
            s.setObject(1, event);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }
}
