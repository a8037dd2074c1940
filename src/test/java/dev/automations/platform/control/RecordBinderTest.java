package dev.automations.platform.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RecordBinderTest {

    record Sample(String name, Integer count, Long lifetimeSeconds, Boolean enabled, UUID ownerId, List<String> tags,
                  List<UUID> organizationIds, JsonValue filter) {
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void bindsSnakeCaseFieldsToCamelCaseComponents() {
        UUID id = UUID.randomUUID();
        Sample s = RecordBinder.bind(Sample.class, json("{\"name\":\"n\",\"count\":3,\"lifetime_seconds\":60,\"enabled\":true,"
                + "\"owner_id\":\"" + id + "\",\"tags\":[\"a\",\"b\"],\"organization_ids\":[\"" + id + "\"],\"filter\":{\"a\":1},\"unknown\":[]}"));
        assertEquals(new Sample("n", 3, 60L, true, id, List.of("a", "b"), List.of(id), json("{\"a\":1}")), s);
    }

    @Test
    void absentAndNullFieldsAreNull() {
        Sample s = RecordBinder.bind(Sample.class, json("{\"name\":null}"));
        assertNull(s.name());
        assertNull(s.count());
        assertNull(s.filter());
    }

    @Test
    void everyWrongTypeIsReportedOnceWithItsJsonName() {
        ApiException e = assertThrows(ApiException.class, () -> RecordBinder.bind(Sample.class, json(
                "{\"name\":1,\"count\":1.5,\"lifetime_seconds\":\"60\",\"enabled\":\"yes\",\"owner_id\":\"nope\","
                        + "\"tags\":\"a\",\"organization_ids\":[null]}")));
        assertEquals(400, e.status());
        assertEquals(List.of("name", "count", "lifetime_seconds", "enabled", "owner_id", "tags", "organization_ids"),
                e.validations().stream().map(FieldError::field).toList());
    }

    @Test
    void integersOutOfRangeAreRefused() {
        ApiException e = assertThrows(ApiException.class, () -> RecordBinder.bind(Sample.class, json("{\"count\":3000000000}")));
        assertEquals("is out of range", e.validations().get(0).detail());
    }

    record Tuning(Double temperature) {
    }

    @Test
    void numbersBindToDoublesAndOnlyNumbers() {
        assertEquals(new Tuning(0.7), RecordBinder.bind(Tuning.class, json("{\"temperature\":0.7}")));
        assertEquals(new Tuning(2.0), RecordBinder.bind(Tuning.class, json("{\"temperature\":2}")));
        assertEquals("must be a number", assertThrows(ApiException.class,
                () -> RecordBinder.bind(Tuning.class, json("{\"temperature\":\"0.7\"}"))).validations().get(0).detail());
        assertEquals("is out of range", assertThrows(ApiException.class,
                () -> RecordBinder.bind(Tuning.class, json("{\"temperature\":1e400}"))).validations().get(0).detail());
    }

    @Test
    void snakeCase() {
        assertEquals("organization_ids", RecordBinder.snakeCase("organizationIds"));
        assertEquals("name", RecordBinder.snakeCase("name"));
    }
}
