package dev.automations.platform.boundary;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ContentTypeHeaderTest {

    @Test
    void mediaTypesAsRfc9110WritesThemPass() {
        for (String value : List.of("application/json", "application/json;charset=UTF-8", "application/json; charset=utf-8",
                "multipart/form-data; boundary=\"a b\"", "text/plain ; format=flowed")) {
            assertEquals(Optional.empty(), ContentTypeHeader.problem(List.of(value)), value);
        }
        assertEquals(Optional.empty(), ContentTypeHeader.problem(List.of()), "no header");
    }

    @Test
    void whatJerseyAndRestEasyReadDifferentlyIsRefused() {
        for (String value : List.of("", "garbage", "application/json; charset=", "application/json, text/plain", "application/json;;",
                "/json", "application/json; charset=\"unterminated")) {
            assertEquals(Optional.of("the Content-Type header is not a valid media type"), ContentTypeHeader.problem(List.of(value)), value);
        }
        assertEquals(Optional.of("more than one Content-Type header"),
                ContentTypeHeader.problem(List.of("application/json", "application/json")));
    }
}
