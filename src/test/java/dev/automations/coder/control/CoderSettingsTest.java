package dev.automations.coder.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoderSettingsTest {

    private static final String ORG = "9f0c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

    private static CoderSettings settings(Map<String, String> config) {
        return CoderSettings.from(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void defaultsFollowTheContract() {
        CoderSettings s = settings(Map.of(CoderSettings.URL, "https://coder.example.com/", CoderSettings.TOKEN, "secret",
                CoderSettings.ORGANIZATION, ORG));
        assertEquals("https://coder.example.com/api/experimental/chats", s.uri("/chats").toString());
        assertEquals("https://coder.example.com/api/v2/users/me", s.absolute("/api/v2/users/me").toString());
        assertEquals(Duration.ofSeconds(10), s.timeout());
        assertEquals(3, s.backoff().maxAttempts());
        assertEquals(ORG, s.organizationId().toString());
    }

    @Test
    void aPrefixAndAPathBehindAProxyAreKept() {
        CoderSettings s = settings(Map.of(CoderSettings.URL, "http://127.0.0.1:3000/coder", CoderSettings.TOKEN, "secret",
                CoderSettings.ORGANIZATION, ORG, CoderSettings.PREFIX, "/api/v2/"));
        assertEquals("http://127.0.0.1:3000/coder/api/v2/chats/x/messages", s.uri("/chats/x/messages").toString());
    }

    @Test
    void everyProblemIsReportedAtOnceAndTheTokenNever() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings(Map.of(
                CoderSettings.URL, "ftp://user:pw@coder.example.com", CoderSettings.ORGANIZATION, "acme",
                CoderSettings.PREFIX, "api v2", CoderSettings.TIMEOUT, "10s", CoderSettings.MAX_ATTEMPTS, "0")));
        String message = e.getMessage();
        for (String key : new String[]{CoderSettings.URL, CoderSettings.TOKEN, CoderSettings.ORGANIZATION, CoderSettings.PREFIX,
                CoderSettings.TIMEOUT, CoderSettings.MAX_ATTEMPTS}) {
            assertTrue(message.contains(key), () -> key + " missing from: " + message);
        }
        IllegalStateException shorter = assertThrows(IllegalStateException.class, () -> settings(Map.of(CoderSettings.URL,
                "https://coder.example.com", CoderSettings.TOKEN, "the-token", CoderSettings.ORGANIZATION, ORG,
                CoderSettings.BACKOFF, "PT10S", CoderSettings.MAX_BACKOFF, "PT1S")));
        assertTrue(shorter.getMessage().contains(CoderSettings.MAX_BACKOFF), shorter.getMessage());
        assertFalse(shorter.getMessage().contains("the-token"));
    }
}
