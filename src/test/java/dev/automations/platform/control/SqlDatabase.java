package dev.automations.platform.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The two real databases the SQL tests run on (for {@code @EnumSource}), each new and empty for every test. */
public enum SqlDatabase {
    H2 {
        @Override
        public void with(Check check) throws Exception {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            check.run(h2);
        }
    },
    POSTGRES {
        @Override
        public void with(Check check) throws Exception {
            try (EmbeddedPostgres postgres = postgres().start()) {
                check.run(postgres.getPostgresDatabase());
            }
        }
    };

    public abstract void with(Check check) throws Exception;

    /**
     * zonky's PostgreSQL, given 60 s to start: its default of 10 s ran out once, right after a CI run (docs/decisions.md,
     * "Throughput", sixth round), and a slow start on a loaded machine would fail a whole suite.
     */
    public static EmbeddedPostgres.Builder postgres() {
        return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
    }

    /** The project's own migrations in {@code sql/}, all of them. */
    public static void migrate(DataSource db) {
        Flyway.configure().dataSource(db).locations("filesystem:sql").load().migrate();
    }

    /** The project's own migrations in {@code sql/}, up to {@code version}: the schema a migration after it starts from. */
    public static void migrate(DataSource db, String version) {
        Flyway.configure().dataSource(db).locations("filesystem:sql").target(version).load().migrate();
    }

    /** An owner and an active automation, for the rows a test writes that reference one. */
    public static UUID seedAutomation(Connection c) throws SQLException {
        UUID user = UUID.randomUUID();
        UUID automation = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO users (id, email, username, password_hash, status, roles, created_at, updated_at) "
                + "VALUES (?, 'r@example.com', 'r', 'x', 'active', '', ?, ?)")) {
            s.setObject(1, user);
            s.setObject(2, now);
            s.setObject(3, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO automations (id, owner_id, organization_id, name, mcp_server_ids, allowed_tools, "
                + "status, max_chat_creates_per_hour, max_messages_per_hour, created_at, updated_at) "
                + "VALUES (?, ?, '00000000-0000-0000-0000-000000000001', 'r', '[]', '[]', 'active', 10, 60, ?, ?)")) {
            s.setObject(1, automation);
            s.setObject(2, user);
            s.setObject(3, now);
            s.setObject(4, now);
            s.executeUpdate();
        }
        return automation;
    }

    /** What a test does with the database. */
    public interface Check {
        void run(DataSource db) throws Exception;
    }
}
