import dev.automations.cron.control.CronSchedule;

import java.time.Instant;
import java.util.List;

/**
 * How long {@code CronSchedule.nextAfter} takes per schedule shape, warmed up: the tick calls it twice per claimed
 * trigger, and the admin API's previews call it up to 10 times. Run with bench/java.sh CronNext; prints µs per call.
 */
public class CronNext {

    static final List<String> SCHEDULES = List.of("* * * * *", "0 0 29 2 *", "59 23 31 12 *",
            "CRON_TZ=Europe/Berlin 30 2 * * *", "CRON_TZ=America/New_York */5 9-17 * * MON-FRI",
            "CRON_TZ=Australia/Lord_Howe 0 0 29 2 *", "0 0 13 * FRI", "@yearly");
    static final int CALLS = 100_000;

    public static void main(String[] args) {
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (String expression : SCHEDULES) {
            CronSchedule schedule = CronSchedule.parse(expression);
            run(schedule, start);
            long began = System.nanoTime();
            long found = run(schedule, start);
            double micros = (System.nanoTime() - began) / 1000.0 / CALLS;
            System.out.printf("%-50s %7.2f µs per nextAfter (%d found)%n", expression, micros, found);
        }
    }

    /** Starting points spread over about twelve years. */
    static long run(CronSchedule schedule, Instant start) {
        long found = 0;
        for (int i = 0; i < CALLS; i++) {
            found += schedule.nextAfter(start.plusSeconds(3_799L * i)).isPresent() ? 1 : 0;
        }
        return found;
    }
}
