package dev.automations.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Gaps and overlaps of whole-hour and half-hour DST shifts, worked out by hand. */
class CronScheduleDstTest {

    // Europe/Berlin 2025: 02:00 +01 jumps to 03:00 +02 on 30 March;
    // 03:00 +02 falls back to 02:00 +01 on 26 October.

    @Test
    void berlinSkippedWallTimesFireShiftedByTheGap() {
        assertNext("CRON_TZ=Europe/Berlin 0,30 2 * * *", "2025-03-29T12:00:00Z",
                "2025-03-30T01:00:00Z", "2025-03-30T01:30:00Z", "2025-03-31T00:00:00Z", "2025-03-31T00:30:00Z");
    }

    @Test
    void berlinShiftedAndRealWallTimeFireOnce() {
        // 02:15 is shifted onto 03:15, which is itself due: one firing.
        assertNext("CRON_TZ=Europe/Berlin 15 * * * *", "2025-03-30T00:00:00Z",
                "2025-03-30T00:15:00Z", "2025-03-30T01:15:00Z", "2025-03-30T02:15:00Z");
    }

    @Test
    void berlinFixedHoursFireOnceInTheOverlap() {
        assertNext("CRON_TZ=Europe/Berlin 0 2 * * *", "2025-10-25T12:00:00Z",
                "2025-10-26T00:00:00Z", "2025-10-27T01:00:00Z");
        // A range names its hours, so it is not a bare `*`.
        assertNext("CRON_TZ=Europe/Berlin 0 1-3 * * *", "2025-10-25T22:30:00Z",
                "2025-10-25T23:00:00Z", "2025-10-26T00:00:00Z", "2025-10-26T02:00:00Z");
    }

    @Test
    void berlinEveryHourFiresInBothRepetitions() {
        assertNext("CRON_TZ=Europe/Berlin @hourly", "2025-10-25T23:30:00Z",
                "2025-10-26T00:00:00Z", "2025-10-26T01:00:00Z", "2025-10-26T02:00:00Z");
    }

    // America/New_York 2025: 02:00 -05 jumps to 03:00 -04 on 9 March;
    // 02:00 -04 falls back to 01:00 -05 on 2 November.

    @Test
    void newYorkShiftedOccurrenceIsStillAheadOfALaterWallTime() {
        // At 03:10 EDT the wall time 02:30 is behind, but its shifted firing at 03:30 EDT is not.
        assertNext("CRON_TZ=America/New_York 30 2 * * *", "2025-03-09T07:10:00Z",
                "2025-03-09T07:30:00Z", "2025-03-10T06:30:00Z");
    }

    @Test
    void newYorkEveryMinuteRunsStraightThroughTheGap() {
        assertNext("CRON_TZ=America/New_York * * * * *", "2025-03-09T06:58:00Z",
                "2025-03-09T06:59:00Z", "2025-03-09T07:00:00Z", "2025-03-09T07:01:00Z");
    }

    @Test
    void newYorkFixedHourIsNotRepeatedBetweenTheRepetitions() {
        assertNext("CRON_TZ=America/New_York 30 1 * * *", "2025-11-02T05:00:00Z",
                "2025-11-02T05:30:00Z", "2025-11-03T06:30:00Z");
        assertNext("CRON_TZ=America/New_York 30 1 * * *", "2025-11-02T05:30:00Z",
                "2025-11-03T06:30:00Z");
        // Exactly at the transition, the wall clock has just gone back to 01:00.
        assertNext("CRON_TZ=America/New_York 30 1 * * *", "2025-11-02T06:00:00Z",
                "2025-11-03T06:30:00Z");
    }

    @Test
    void newYorkEveryHourRepeatsTheOverlap() {
        assertNext("CRON_TZ=America/New_York */30 * * * *", "2025-11-02T05:00:00Z",
                "2025-11-02T05:30:00Z", "2025-11-02T06:00:00Z", "2025-11-02T06:30:00Z", "2025-11-02T07:00:00Z");
    }

    @Test
    void newYorkWeeklyOnTheDayOfTheGap() {
        assertNext("CRON_TZ=America/New_York 0 2 * * SUN", "2025-03-08T12:00:00Z",
                "2025-03-09T07:00:00Z", "2025-03-16T06:00:00Z");
    }

    // Australia/Lord_Howe 2025: 02:00 +11 falls back to 01:30 +10:30 on 6 April;
    // 02:00 +10:30 jumps to 02:30 +11 on 5 October.

    @Test
    void lordHoweHalfHourOverlapRepeatsOnlyItsOwnMinutes() {
        // 01:15 lies before the repeated half hour, 01:45 inside it.
        assertNext("CRON_TZ=Australia/Lord_Howe 15,45 * * * *", "2025-04-05T14:00:00Z",
                "2025-04-05T14:15:00Z", "2025-04-05T14:45:00Z", "2025-04-05T15:15:00Z", "2025-04-05T15:45:00Z");
        assertNext("CRON_TZ=Australia/Lord_Howe */30 * * * *", "2025-04-05T14:00:00Z",
                "2025-04-05T14:30:00Z", "2025-04-05T15:00:00Z", "2025-04-05T15:30:00Z");
    }

    @Test
    void lordHoweFixedHourFiresOnceAtTheEarlierOffset() {
        assertNext("CRON_TZ=Australia/Lord_Howe 45 1 * * *", "2025-04-05T12:00:00Z",
                "2025-04-05T14:45:00Z", "2025-04-06T15:15:00Z");
    }

    @Test
    void lordHoweHalfHourGapShiftsByThirtyMinutes() {
        assertNext("CRON_TZ=Australia/Lord_Howe 15 2 * * *", "2025-10-04T12:00:00Z",
                "2025-10-04T15:45:00Z", "2025-10-05T15:15:00Z");
        assertNext("CRON_TZ=Australia/Lord_Howe */15 * * * *", "2025-10-04T15:00:00Z",
                "2025-10-04T15:15:00Z", "2025-10-04T15:30:00Z", "2025-10-04T15:45:00Z",
                "2025-10-04T16:00:00Z");
    }

    private static void assertNext(String schedule, String after, String... expected) {
        List<Instant> times = Arrays.stream(expected).map(Instant::parse).toList();
        assertEquals(times, CronSchedule.parse(schedule).next(Instant.parse(after), times.size()), schedule);
    }
}
