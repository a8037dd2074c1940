package dev.automations.platform.control;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpUrlTest {

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:11434/v1, http://127.0.0.1:11434/v1",
            "https://api.openai.com/v1/, https://api.openai.com/v1",
            "https://gateway.example.com//, https://gateway.example.com",
            "'  HTTPS://Example.com/openai/v1  ', HTTPS://Example.com/openai/v1",
            "http://[::1]:8080/v1, http://[::1]:8080/v1",
            "http://llm, http://llm"})
    void acceptsAbsoluteHttpUrlsAndStripsTrailingSlashes(String given, String stored) {
        assertEquals(stored, HttpUrl.normalize(given, "api_key"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:11434/v1", "/v1", "v1", "ftp://example.com/v1", "file:///etc/passwd", "mailto:a@example.com",
            "http:example.com", "http://", "http:///v1", "http://exa mple.com", "javascript:alert(1)"})
    void refusesWhatIsNotAnAbsoluteHttpUrlWithAHost(String given) {
        assertThrows(IllegalArgumentException.class, () -> HttpUrl.normalize(given, "api_key"));
    }

    @Test
    void refusesCredentialsQueriesAndFragments() {
        assertEquals("must not contain credentials; use api_key",
                assertThrows(IllegalArgumentException.class, () -> HttpUrl.normalize("https://user:sk-secret@example.com/v1", "api_key")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> HttpUrl.normalize("https://example.com/v1?api-version=1", "api_key"));
        assertThrows(IllegalArgumentException.class, () -> HttpUrl.normalize("https://example.com/v1#x", "api_key"));
    }

    @Test
    void refusesMissingBlankAndOverlongValues() {
        assertEquals("is required", assertThrows(IllegalArgumentException.class, () -> HttpUrl.normalize(null, "api_key")).getMessage());
        assertEquals("is required", assertThrows(IllegalArgumentException.class, () -> HttpUrl.normalize("  ", "api_key")).getMessage());
        String overlong = "https://example.com/" + "a".repeat(HttpUrl.MAX_LENGTH);
        assertThrows(IllegalArgumentException.class, () -> HttpUrl.normalize(overlong, "api_key"));
    }
}
