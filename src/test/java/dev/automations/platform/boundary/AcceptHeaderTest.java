package dev.automations.platform.boundary;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AcceptHeaderTest {

    @Test
    void qualityValuesAsRfc9110WritesThemPass() {
        for (String value : List.of("application/json", "text/html;q=0.5, */*;q=0", "*/*; q=1.000", ";;;", "text/html;level=1;Q=0.001")) {
            assertEquals(Optional.empty(), AcceptHeader.problem(List.of(value)), value);
        }
        assertEquals(Optional.empty(), AcceptHeader.problem(List.of()), "no header");
    }

    @Test
    void qualityValuesThatAreNotNumbersFromZeroToOneAreRefused() {
        for (String value : List.of("text/html;q=abc", "text/html;q=", "*/*;q=1.5", "application/json, text/html; q=NaN")) {
            assertEquals(Optional.of("the Accept header's quality value is not a number from 0 to 1"), AcceptHeader.problem(List.of(value)), value);
        }
    }
}
