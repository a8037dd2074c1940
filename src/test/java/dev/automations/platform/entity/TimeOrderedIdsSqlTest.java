package dev.automations.platform.entity;

import dev.automations.platform.control.SqlDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What time-ordered ids are for: a {@code UUID} primary key orders them by their time on both real databases, so rows
 * inserted in time order land on the index's last pages.
 */
class TimeOrderedIdsSqlTest {

    @ParameterizedTest
    @EnumSource(SqlDatabase.class)
    void theDatabaseOrdersIdsByTheirTime(SqlDatabase database) throws Exception {
        database.with(TimeOrderedIdsSqlTest::theDatabaseOrdersIdsByTheirTime);
    }

    private static void theDatabaseOrdersIdsByTheirTime(DataSource db) throws SQLException {
        Instant start = Instant.parse("2026-12-03T07:00:00Z");
        Map<UUID, Instant> times = new HashMap<>();
        List<Instant> expected = new ArrayList<>();
        for (long step : new long[] {0, 1, 2, 255, 256, 65_536, 86_400_000L, 4_102_444_800_000L - start.toEpochMilli()}) {
            Instant time = start.plusMillis(step);
            expected.add(time);
            times.put(TimeOrderedIds.at(time), time);
        }
        List<UUID> shuffled = new ArrayList<>(times.keySet());
        Collections.shuffle(shuffled, new Random(16));
        try (Connection c = db.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ordered_ids (id UUID PRIMARY KEY)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO ordered_ids (id) VALUES (?)")) {
                for (UUID id : shuffled) {
                    insert.setObject(1, id);
                    insert.executeUpdate();
                }
            }
            List<Instant> ordered = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT id FROM ordered_ids ORDER BY id")) {
                while (rows.next()) {
                    ordered.add(times.get(rows.getObject(1, UUID.class)));
                }
            }
            assertEquals(expected, ordered);
        }
    }
}
