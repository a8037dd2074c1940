package dev.automations.audit.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiffTest {

    @Test
    void recordsOnlyChangedFieldsWithOldAndNew() {
        String diff = Diff.of().change("name", "a", "b").change("same", 1, 1).change("roles", List.of("member"), List.of("owner"))
                .change("cleared", "x", null).build().toString();
        assertEquals("{\"name\":{\"old\":\"a\",\"new\":\"b\"},\"roles\":{\"old\":[\"member\"],\"new\":[\"owner\"]},"
                + "\"cleared\":{\"old\":\"x\",\"new\":null}}", diff);
    }

    @Test
    void decimalsAndBooleansAreJsonValues() {
        assertEquals("{\"temperature\":{\"old\":null,\"new\":0.7},\"enabled\":{\"old\":true,\"new\":false}}",
                Diff.of().change("temperature", null, 0.7).change("enabled", true, false).build().toString());
    }

    @Test
    void secretsAreRedactedOnBothSides() {
        assertEquals("{\"webhook_secret\":{\"old\":\"[redacted]\",\"new\":\"[redacted]\"}}", Diff.of().secret("webhook_secret").build().toString());
    }
}
