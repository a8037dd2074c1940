package dev.automations.cron.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scheduler computes a next occurrence for each of up to 1000 firings a second. */
class CronSchedulePerformanceTest {

    private static final List<String> SCHEDULES = List.of("* * * * *", "0 0 29 2 *", "59 23 31 12 *",
            "CRON_TZ=Europe/Berlin 30 2 * * *", "CRON_TZ=America/New_York */5 9-17 * * MON-FRI",
            "CRON_TZ=Australia/Lord_Howe 0 0 29 2 *", "0 0 13 * FRI", "@yearly");

    @Test
    void tenThousandNextOccurrencesTakeWellUnderASecond() {
        List<CronSchedule> schedules = SCHEDULES.stream().map(CronSchedule::parse).toList();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        int computed = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            int count = 0;
            for (int i = 0; i < 10_000; i++) {
                // Spread the starting points over about twelve years.
                Instant after = start.plusSeconds(37_987L * i);
                count += schedules.get(i % schedules.size()).nextAfter(after).isPresent() ? 1 : 0;
            }
            return count;
        });
        assertEquals(10_000, computed);
    }
}
