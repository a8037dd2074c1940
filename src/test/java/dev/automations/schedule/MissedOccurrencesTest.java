package dev.automations.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** §10: occurrences missed while no instance ran collapse into the latest one at or before the firing time. */
class MissedOccurrencesTest {

    @Test
    void collapsesIntoTheLatestOccurrenceNotAfterNow() {
        assertLatest("*/5 * * * *", "2025-06-01T10:00:00Z", "2025-06-01T10:17:30Z", "2025-06-01T10:15:00Z");
        assertLatest("*/5 * * * *", "2025-06-01T10:00:00Z", "2025-06-01T10:15:00Z", "2025-06-01T10:15:00Z");
    }

    @Test
    void anOccurrenceFiredOnTimeIsItself() {
        assertLatest("* * * * *", "2025-06-01T10:00:00Z", "2025-06-01T10:00:00.040Z", "2025-06-01T10:00:00Z");
    }

    @Test
    void collapsesAcrossDaysAndDaylightSavingShifts() {
        // Berlin's 02:30 does not exist on 30 March 2025 and fires at 03:30 CEST (01:30Z); 31 March's is 00:30Z.
        assertLatest("CRON_TZ=Europe/Berlin 30 2 * * *", "2025-03-28T01:30:00Z", "2025-03-30T12:00:00Z", "2025-03-30T01:30:00Z");
        assertLatest("CRON_TZ=Europe/Berlin 30 2 * * *", "2025-03-28T01:30:00Z", "2025-03-31T06:00:00Z", "2025-03-31T00:30:00Z");
        // Lord Howe moves its clocks by 30 minutes: on 5 April 2026, 02:00 +11 becomes 01:30 +10:30, so noon moves
        // from 01:00Z to 01:30Z.
        assertLatest("CRON_TZ=Australia/Lord_Howe 0 12 * * *", "2026-04-01T01:00:00Z", "2026-04-06T03:00:00Z", "2026-04-06T01:30:00Z");
        assertLatest("CRON_TZ=Australia/Lord_Howe 0 12 * * *", "2026-04-01T01:00:00Z", "2026-04-06T01:29:00Z", "2026-04-05T01:30:00Z");
    }

    private static void assertLatest(String schedule, String due, String now, String expected) {
        assertEquals(Instant.parse(expected), CronSchedule.parse(schedule).latestOccurrence(Instant.parse(due), Instant.parse(now)));
    }
}
