package dev.automations.secret.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code automations.secret-keys} format, and what an operator is told when it is wrong. */
class SecretKeysParseTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";
    private static final String SHORT_KEY = Base64.getEncoder().encodeToString(new byte[16]);
    private static final String LONG_KEY = Base64.getEncoder().encodeToString(new byte[33]);
    private static final List<String> MATERIAL = List.of(KEY, OTHER_KEY, SHORT_KEY, LONG_KEY, "not base64!");

    @Test
    void theFirstKeySealsAndAllAreKept() {
        SecretKeys keys = SecretKeys.parse(" new_2 : " + KEY + " , old-1:" + OTHER_KEY);
        assertEquals("new_2", keys.primaryId());
        assertTrue(keys.key("new_2").isPresent());
        assertTrue(keys.key("old-1").isPresent());
        assertFalse(keys.key("old").isPresent());
        assertEquals(keys.key("new_2").orElseThrow(), keys.primary());
    }

    @Test
    void idsMayBeThirtyTwoCharacters() {
        String id = "A".repeat(32);
        assertEquals(id, SecretKeys.parse(id + ":" + KEY).primaryId());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(null, "automations.secret-keys lists no keys"),
                Arguments.of("", "lists no keys"),
                Arguments.of("  ", "lists no keys"),
                Arguments.of(KEY, "entry 1: expected id:base64-key"),
                Arguments.of("k1:" + KEY + "," + OTHER_KEY, "entry 2: expected id:base64-key"),
                Arguments.of("k1:" + KEY + ",", "entry 2: expected id:base64-key"),
                Arguments.of("k1:" + KEY + ",,k2:" + OTHER_KEY, "entry 2: expected id:base64-key"),
                Arguments.of(":" + KEY, "entry 1: key id must be 1 to 32 characters of A-Z a-z 0-9 _ -"),
                Arguments.of(KEY + ":k1", "entry 1: key id must be"),
                Arguments.of("bad id:" + KEY, "entry 1: key id must be"),
                Arguments.of("A".repeat(33) + ":" + KEY, "entry 1: key id must be"),
                Arguments.of("k1:not base64!", "entry 1: key 'k1' is not valid base64"),
                Arguments.of("k1:", "entry 1: key 'k1' must be 32 bytes, is 0"),
                Arguments.of("k1:" + SHORT_KEY, "entry 1: key 'k1' must be 32 bytes, is 16"),
                Arguments.of("k1:" + KEY + ",k2:" + LONG_KEY, "entry 2: key 'k2' must be 32 bytes, is 33"),
                Arguments.of("k1:" + KEY + ",k1:" + OTHER_KEY, "entry 2: key id 'k1' is listed twice"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusalsSayWhatIsWrongWithoutShowingKeys(String list, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SecretKeys.parse(list));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        for (String material : MATERIAL) {
            assertFalse(e.getMessage().contains(material.substring(0, 8)), e.getMessage());
        }
    }
}
