package dev.automations.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Around every transition of several zones, compares the occurrences with the contract's rule
 * stated through java.time: each matching wall time resolved by {@code ZonedDateTime.of} (and, for
 * a bare `*` hour, also at the later offset of an overlap), equal instants counted once.
 */
class CronScheduleOracleTest {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "America/Sao_Paulo", "Pacific/Apia", "Pacific/Chatham", "Asia/Gaza");
    private static final List<String> SCHEDULES = List.of("* * * * *", "*/7 * * * *", "0 * * * *", "15,45 * * * *",
            "30 2 * * *", "15,45 1-3 * * *", "*/20 3 * * *", "0 0 * * *", "59 23 * * *", "30 0 * * 0",
            "0 2 * * 1-5", "45 1 1,15 * 6");
    private static final Duration WINDOW = Duration.ofDays(1);

    @TestFactory
    Stream<DynamicTest> occurrencesAroundTransitions() {
        return ZONES.stream().flatMap(zone -> transitions(ZoneId.of(zone)).stream().flatMap(transition ->
                SCHEDULES.stream().map(schedule -> DynamicTest.dynamicTest(zone + " " + transition + " " + schedule,
                        () -> compare(schedule, ZoneId.of(zone), transition.getInstant())))));
    }

    private static void compare(String fields, ZoneId zone, Instant transition) {
        Instant from = transition.minus(WINDOW);
        Instant to = transition.plus(WINDOW);
        CronSchedule schedule = CronSchedule.parse("CRON_TZ=" + zone.getId() + " " + fields);
        List<Instant> actual = new ArrayList<>();
        for (Instant t = schedule.nextAfter(from).orElseThrow(); t.isBefore(to);
             t = schedule.nextAfter(t).orElseThrow()) {
            actual.add(t);
        }
        assertEquals(expected(fields, zone, from, to), actual);
    }

    private static List<Instant> expected(String fields, ZoneId zone, Instant from, Instant to) {
        boolean everyHour = fields.split(" ")[1].equals("*");
        // In UTC, instants read as wall times: the matching wall times, whatever the zone.
        CronSchedule wallTimes = CronSchedule.parse(fields);
        Duration margin = Duration.ofDays(2);
        TreeSet<Instant> times = new TreeSet<>();
        for (Instant t = wallTimes.nextAfter(from.minus(margin)).orElseThrow(); t.isBefore(to.plus(margin));
             t = wallTimes.nextAfter(t).orElseThrow()) {
            ZonedDateTime resolved = ZonedDateTime.of(LocalDateTime.ofInstant(t, ZoneOffset.UTC), zone);
            times.add(resolved.toInstant());
            if (everyHour) {
                times.add(resolved.withLaterOffsetAtOverlap().toInstant());
            }
        }
        return List.copyOf(times.subSet(from, false, to, false));
    }

    private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        for (int[] years : new int[][] {{2011, 2012}, {2018, 2018}, {2025, 2025}}) {
            Instant end = Instant.parse((years[1] + 1) + "-01-01T00:00:00Z");
            ZoneOffsetTransition t = rules.nextTransition(Instant.parse(years[0] + "-01-01T00:00:00Z"));
            for (; t != null && t.getInstant().isBefore(end); t = rules.nextTransition(t.getInstant())) {
                transitions.add(t);
            }
        }
        return transitions;
    }
}
