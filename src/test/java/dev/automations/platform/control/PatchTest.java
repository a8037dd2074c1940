package dev.automations.platform.control;

import dev.automations.automation.control.AutomationFields;
import jakarta.json.Json;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchTest {

    private static Patch<AutomationFields> patch(String json) {
        return Patch.of(AutomationFields.class, Json.createReader(new StringReader(json)).readObject());
    }

    @Test
    void absentAndNullAreDifferent() {
        Patch<AutomationFields> p = patch("{\"model_config_id\": null, \"status\": \"active\"}");
        assertTrue(p.has("model_config_id"));
        assertNull(p.values().modelConfigId());
        assertFalse(p.has("description"));
        assertTrue(p.hasValue("status", p.values().status()));
    }

    @Test
    void aRequiredFieldCannotBeCleared() {
        Patch<AutomationFields> p = patch("{\"name\": null}");
        ApiException e = assertThrows(ApiException.class, () -> p.hasValue("name", p.values().name()));
        assertEquals("name", e.validations().get(0).field());
    }

    @Test
    void patchValuesAreValidatedLikeAWholeBody() {
        assertThrows(ConstraintViolationException.class, () -> patch("{\"max_messages_per_hour\": 0}"));
        assertThrows(ConstraintViolationException.class, () -> patch("{\"name\": \"   \"}"));
    }

    @Test
    void aWholeBodyCountsItsNonNullFieldsAsPresent() {
        Patch<AutomationFields> whole = Patch.whole(new AutomationFields(" n ", null, null, "i", null, null, null, null, 3, null));
        assertEquals(Set.of("name", "instructions", "max_chat_creates_per_hour"), whole.present());
        assertEquals("n", whole.values().name());
    }
}
