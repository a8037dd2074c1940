package dev.automations.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A cron schedule of the contract's dialect (§10): five fields or a descriptor, with an optional
 * {@code CRON_TZ=<zone> } prefix, evaluated on wall-clock time in that zone (UTC by default).
 * Immutable and safe to share between threads.
 */
public final class CronSchedule {

    private final String expression;
    private final ZoneId zone;
    private final Occurrences occurrences;

    CronSchedule(String expression, ZoneId zone, CronFields fields) {
        this.expression = expression;
        this.zone = zone;
        this.occurrences = new Occurrences(fields, zone);
    }

    /**
     * @throws InvalidScheduleException when the text is not a schedule of the dialect, names an
     *         unknown zone, or describes a schedule that never occurs
     */
    public static CronSchedule parse(String expression) {
        return ScheduleParser.parse(expression);
    }

    /** The first occurrence strictly after {@code after}. */
    public Optional<Instant> nextAfter(Instant after) {
        return occurrences.firstAfter(after);
    }

    /** The next {@code count} occurrences strictly after {@code after}, in order. */
    public List<Instant> next(Instant after, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        List<Instant> times = new ArrayList<>();
        Instant from = after;
        while (times.size() < count) {
            Optional<Instant> time = nextAfter(from);
            if (time.isEmpty()) {
                break;
            }
            from = time.get();
            times.add(from);
        }
        return List.copyOf(times);
    }

    /**
     * The latest occurrence at or before {@code now}, counting from {@code due} (itself an occurrence): those missed
     * while nothing ran collapse into it (§10).
     */
    public Instant latestOccurrence(Instant due, Instant now) {
        Instant occurrence = due;
        for (Instant n = nextAfter(due).orElse(null); n != null && !n.isAfter(now); n = nextAfter(n).orElse(null)) {
            occurrence = n;
        }
        return occurrence;
    }

    /** The text the schedule was parsed from, as given. */
    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    @Override
    public String toString() {
        return expression;
    }
}
