package dev.automations.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every case of the contract's vectors/cron.txt: id|cron_schedule|after|expected. */
class CronVectorsTest {

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        List<String[]> cases = readCases();
        assertFalse(cases.isEmpty(), "no cases in /vectors/cron.txt");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c[0] + " " + c[1], () -> check(c[1], c[2], c[3])));
    }

    private static void check(String schedule, String after, String expected) {
        switch (expected) {
            case "REJECT" -> assertThrows(InvalidScheduleException.class, () -> CronSchedule.parse(schedule));
            case "NONE" -> {
                InvalidScheduleException e =
                        assertThrows(InvalidScheduleException.class, () -> CronSchedule.parse(schedule));
                assertTrue(e.getMessage().contains("never occurs"), e.getMessage());
            }
            default -> {
                List<Instant> times = Arrays.stream(expected.split(",")).map(Instant::parse).toList();
                assertEquals(times, CronSchedule.parse(schedule).next(Instant.parse(after), times.size()));
            }
        }
    }

    private static List<String[]> readCases() throws IOException {
        try (InputStream in = Objects.requireNonNull(CronVectorsTest.class.getResourceAsStream("/vectors/cron.txt"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\|", -1))
                    .peek(fields -> assertEquals(4, fields.length, () -> "malformed line: " + String.join("|", fields)))
                    .toList();
        }
    }
}
