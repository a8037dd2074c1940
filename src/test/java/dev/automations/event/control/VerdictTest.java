package dev.automations.event.control;

import dev.automations.filter.Filter;
import dev.automations.filter.LabelPaths;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §6 steps 6–7 as deliveries, replays and the dry run share them: labels exist only for a payload the filter let through. */
class VerdictTest {

    private static final JsonObject PAYLOAD = Json.createObjectBuilder().add("action", "opened").add("number", 7).build();
    private static final Filter OPENED = Filter.parse(Json.createObjectBuilder().add("action", "opened").build());
    private static final Filter CLOSED = Filter.parse(Json.createObjectBuilder().add("action", "closed").build());
    private static final LabelPaths NUMBER = LabelPaths.parse(Json.createObjectBuilder().add("pr", "number").build());

    @Test
    void aMatchedPayloadHasItsLabels() {
        Judgement.Verdict verdict = Judgement.Verdict.of(OPENED, () -> NUMBER, PAYLOAD, Map.of());
        assertTrue(verdict.filter().matched());
        assertEquals(Map.of("pr", "7"), verdict.labels());
    }

    @Test
    void aFilteredPayloadHasNoLabelsAndItsLabelPathsAreNeverRead() {
        Judgement.Verdict verdict = Judgement.Verdict.of(CLOSED, () -> {
            throw new AssertionError("label paths read for a filtered payload");
        }, PAYLOAD, Map.of());
        assertFalse(verdict.filter().matched());
        assertEquals("action: expected \"closed\", got \"opened\"", verdict.filter().reason());
        assertNull(verdict.labels());
    }

    @Test
    void noLabelPathsGiveNoLabelsRatherThanEmptyOnes() {
        Judgement.Verdict verdict = Judgement.Verdict.of(Filter.parse(null), () -> LabelPaths.parse(null), PAYLOAD, Map.of());
        assertTrue(verdict.filter().matched());
        assertNull(verdict.labels());
    }
}
