package dev.automations.platform.control;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageTest {

    @Test
    void defaultsAndBounds() {
        assertEquals(new Page(50, 0), Page.of(null, null));
        assertEquals(new Page(1, 0), Page.of("1", ""));
        assertEquals(new Page(500, 7), Page.of("500", "7"));
    }

    @Test
    void badValuesAreOneValidationEachNeverA404() {
        ApiException e = assertThrows(ApiException.class, () -> Page.of("0", "-1"));
        assertEquals(400, e.status());
        assertEquals(List.of("limit", "offset"), e.validations().stream().map(FieldError::field).toList());
        assertThrows(ApiException.class, () -> Page.of("501", null));
        assertThrows(ApiException.class, () -> Page.of("ten", null));
    }
}
