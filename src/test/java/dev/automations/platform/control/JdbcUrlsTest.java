package dev.automations.platform.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdbcUrlsTest {

    @Test
    void parametersAreCutBecauseDriversTakePasswordsThere() {
        assertEquals("jdbc:postgresql://db.example.com:5432/automations",
                JdbcUrls.withoutSecrets("jdbc:postgresql://db.example.com:5432/automations?user=a&password=hunter2"));
        assertEquals("jdbc:h2:file:/srv/data/automations", JdbcUrls.withoutSecrets("jdbc:h2:file:/srv/data/automations;PASSWORD=x;LOCK_TIMEOUT=10000"));
        assertEquals("jdbc:sqlserver://host", JdbcUrls.withoutSecrets("jdbc:sqlserver://host;password=x?y"));
    }

    @Test
    void userInfoIsCut() {
        assertEquals("jdbc:postgresql://db:5432/automations", JdbcUrls.withoutSecrets("jdbc:postgresql://me:hunter2@db:5432/automations"));
    }

    @Test
    void aPlainUrlIsKept() {
        assertEquals("jdbc:postgresql://localhost:54329/automations", JdbcUrls.withoutSecrets("jdbc:postgresql://localhost:54329/automations"));
        assertEquals("(unknown URL)", JdbcUrls.withoutSecrets(null));
    }
}
