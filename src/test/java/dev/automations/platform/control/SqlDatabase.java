package dev.automations.platform.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.time.Duration;
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
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start()) {
                check.run(postgres.getPostgresDatabase());
            }
        }
    };

    public abstract void with(Check check) throws Exception;

    /** What a test does with the database. */
    public interface Check {
        void run(DataSource db) throws Exception;
    }
}
