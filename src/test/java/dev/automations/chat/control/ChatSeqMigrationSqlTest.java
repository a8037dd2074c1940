package dev.automations.chat.control;

import dev.automations.platform.control.SqlDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V6 on both real databases: messages written before it are numbered in the order they were shown, each chat's
 * {@code last_seq} follows, and moving queued messages up by one (what an answer does) runs without a uniqueness clash.
 */
class ChatSeqMigrationSqlTest {

    @ParameterizedTest
    @EnumSource(SqlDatabase.class)
    void numbersExistingMessages(SqlDatabase database) throws Exception {
        database.with(ChatSeqMigrationSqlTest::numbersExistingMessages);
    }

    private static void numbersExistingMessages(DataSource db) throws SQLException {
        SqlDatabase.migrate(db, "4");
        OffsetDateTime t0 = OffsetDateTime.parse("2026-11-23T20:00:00.123Z");
        UUID first = new UUID(0, 2);
        UUID tie = new UUID(0, 1);
        UUID last = new UUID(0, 3);
        UUID other = UUID.randomUUID();
        UUID chat;
        UUID otherChat;
        try (Connection c = db.getConnection()) {
            UUID user = user(c);
            chat = chat(c, user);
            otherChat = chat(c, user);
            message(c, first, chat, t0);
            message(c, tie, chat, t0);
            message(c, last, chat, t0.plusSeconds(1));
            message(c, other, otherChat, t0);
        }
        SqlDatabase.migrate(db);
        try (Connection c = db.getConnection()) {
            assertEquals(List.of(tie, first, last), column(c, chat, "id", UUID.class), "created_at, then id");
            assertEquals(List.of(1L, 2L, 3L), column(c, chat, "seq", Long.class));
            assertEquals(3, lastSeq(c, chat));
            assertEquals(1, lastSeq(c, otherChat));
            try (PreparedStatement s = c.prepareStatement("UPDATE chat_messages SET seq = seq + 1 WHERE chat_id = ? AND seq > ?")) {
                s.setObject(1, chat);
                s.setLong(2, 1);
                assertEquals(2, s.executeUpdate());
            }
            assertEquals(List.of(1L, 3L, 4L), column(c, chat, "seq", Long.class));
        }
    }

    private static UUID user(Connection c) throws SQLException {
        UUID user = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO users (id, email, username, password_hash, status, roles, created_at, updated_at) "
                + "VALUES (?, 'm@example.com', 'm', 'x', 'active', '', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            s.setObject(1, user);
            s.executeUpdate();
        }
        return user;
    }

    private static UUID chat(Connection c, UUID owner) throws SQLException {
        UUID chat = UUID.randomUUID();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO chats (id, owner_id, organization_id, title, status, client_type, "
                + "mcp_server_ids, archived, created_at, updated_at) VALUES (?, ?, '00000000-0000-0000-0000-000000000001', 't', 'pending', "
                + "'api', '[]', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
            s.setObject(1, chat);
            s.setObject(2, owner);
            s.executeUpdate();
        }
        return chat;
    }

    private static void message(Connection c, UUID id, UUID chat, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_messages (id, chat_id, role, content, created_at) VALUES (?, ?, 'user', '[]', ?)")) {
            s.setObject(1, id);
            s.setObject(2, chat);
            s.setObject(3, at);
            s.executeUpdate();
        }
    }

    /** One column of the chat's messages, in message order. */
    private static <T> List<T> column(Connection c, UUID chat, String column, Class<T> type) throws SQLException {
        List<T> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + column + " FROM chat_messages WHERE chat_id = ? ORDER BY seq")) {
            s.setObject(1, chat);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.add(r.getObject(1, type));
                }
            }
        }
        return values;
    }

    private static long lastSeq(Connection c, UUID chat) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT last_seq FROM chats WHERE id = ?")) {
            s.setObject(1, chat);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
