package dev.automations.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The dialect's syntax, and what an author is told when a schedule is refused. */
class CronScheduleParseTest {

    private static final Instant NEW_YEAR_2025 = Instant.parse("2025-01-01T00:00:00Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0 0 0 * * *                   | got 6: a seconds (or year) field is not supported
            0 0 0 * * * 2025              | got 7: Quartz seconds and year fields are not supported
            * * * *                       | expected 5 fields (minute hour day-of-month month day-of-week), got 4
            0 0 ? * *                     | day-of-month field "?": Quartz syntax
            0 0 L * *                     | day-of-month field "L": Quartz syntax
            0 0 15W * *                   | day-of-month field "15W": Quartz syntax
            0 0 * * 5#2                   | day-of-week field "5#2": Quartz syntax
            0 0 * * 5L                    | day-of-week field "5L": Quartz syntax
            CRON_TZ=Mars/Olympus 0 0 * * * | unknown time zone "Mars/Olympus"
            CRON_TZ=+05:00 0 0 * * *      | unknown time zone "+05:00"
            CRON_TZ=Europe/Berlin         | must be followed by a schedule
            60 0 * * *                    | minute field "60": Value 60 not in range [0, 59]
            0 24 * * *                    | hour field "24"
            0 0 * 13 *                    | month field "13"
            0 0 * * MON-TUR               | day-of-week field "MON-TUR": unknown name "TUR"
            0 0 * MON *                   | month field "MON": unknown name "MON"
            */0 * * * *                   | minute field "*/0": a step must be at least 1
            30-20 * * * *                 | minute field "30-20"
            +5 * * * *                    | minute field "+5": unexpected character '+'
            @every 5m                     | unknown descriptor "@every 5m"
            0 0 30 2 *                    | never occurs
            0 0 31 4,6,9,11 *             | never occurs
            """)
    void refusalsSayWhatIsWrong(String schedule, String message) {
        InvalidScheduleException e = assertThrows(InvalidScheduleException.class, () -> CronSchedule.parse(schedule));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptySchedulesAreRefused(String schedule) {
        assertThrows(InvalidScheduleException.class, () -> CronSchedule.parse(schedule));
        assertThrows(InvalidScheduleException.class, () -> CronSchedule.parse(null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0 0 * jan,Feb MON-fri | 0 0 * 1,2 1-5
            0 0 * * 7             | 0 0 * * 0
            0 0 * * sun           | 0 0 * * 0
            0 0 * * 5-7           | 0 0 * * 0,5,6
            0 0 * * SUN-SAT       | 0 0 * * *
            0 0 * * MON/2         | 0 0 * * 1,3,5
            0 0 * * */3           | 0 0 * * 0,3,6
            0 0 1-31 * FRI        | 0 0 * * *
            0 0 */1 * FRI         | 0 0 * * FRI
            @yearly               | 0 0 1 1 *
            @ANNUALLY             | 0 0 1 1 *
            @monthly              | 0 0 1 * *
            @Weekly               | 0 0 * * 0
            @daily                | 0 0 * * *
            @hourly               | 0 * * * *
            """)
    void spellingsOfTheSameDays(String schedule, String equivalent) {
        assertEquals(CronSchedule.parse(equivalent).next(NEW_YEAR_2025, 60),
                CronSchedule.parse(schedule).next(NEW_YEAR_2025, 60));
    }

    @Test
    void bothDayFieldsRestrictedMatchEitherOne() {
        // Friday 3 January, Friday 10 January, Monday 13 January.
        assertEquals(List.of(Instant.parse("2025-01-03T00:00:00Z"), Instant.parse("2025-01-10T00:00:00Z"),
                        Instant.parse("2025-01-13T00:00:00Z")),
                CronSchedule.parse("0 0 13 * FRI").next(NEW_YEAR_2025, 3));
    }

    @Test
    void leapDaySkipsTheCenturyYear() {
        assertEquals(Instant.parse("2104-02-29T00:00:00Z"),
                CronSchedule.parse("0 0 29 2 *").nextAfter(Instant.parse("2096-03-01T00:00:00Z")).orElseThrow());
    }

    @Test
    void occurrencesAreStrictlyAfter() {
        CronSchedule schedule = CronSchedule.parse("*/15 * * * *");
        assertEquals(Instant.parse("2025-01-01T00:15:00Z"), schedule.nextAfter(NEW_YEAR_2025).orElseThrow());
        assertEquals(Instant.parse("2025-01-01T00:15:00Z"),
                schedule.nextAfter(Instant.parse("2025-01-01T00:14:59.999999999Z")).orElseThrow());
    }

    @Test
    void nextReturnsExactlyTheCountAskedFor() {
        CronSchedule schedule = CronSchedule.parse("@hourly");
        assertEquals(List.of(), schedule.next(NEW_YEAR_2025, 0));
        assertEquals(5, schedule.next(NEW_YEAR_2025, 5).size());
        assertThrows(IllegalArgumentException.class, () -> schedule.next(NEW_YEAR_2025, -1));
    }

    @Test
    void keepsTheTextAndTheZone() {
        CronSchedule zoned = CronSchedule.parse("CRON_TZ=Europe/Berlin   0 9 * * MON ");
        assertEquals("CRON_TZ=Europe/Berlin   0 9 * * MON ", zoned.expression());
        assertEquals(ZoneId.of("Europe/Berlin"), zoned.zone());
        assertEquals(Instant.parse("2025-01-06T08:00:00Z"), zoned.nextAfter(NEW_YEAR_2025).orElseThrow());
        assertEquals(ZoneOffset.UTC, CronSchedule.parse("0 9 * * MON").zone());
        assertEquals(ZoneId.of("Asia/Tokyo"), CronSchedule.parse("cron_tz=Asia/Tokyo @daily").zone());
    }
}
