package dev.automations.agent.control;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {

    @Test
    void secondsDatesAndNonsense() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 "));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("0"));
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(60).atOffset(ZoneOffset.UTC));
        Duration untilThen = RetryAfter.parse(inAMinute).orElseThrow();
        assertTrue(untilThen.compareTo(Duration.ofSeconds(50)) > 0 && untilThen.compareTo(Duration.ofSeconds(61)) <= 0, untilThen.toString());
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT"));
        assertEquals(Optional.empty(), RetryAfter.parse(null));
        assertEquals(Optional.empty(), RetryAfter.parse("soon"));
        assertEquals(Optional.empty(), RetryAfter.parse("-5"));
        assertEquals(Optional.empty(), RetryAfter.parse("99999999999999999999"));
    }
}
