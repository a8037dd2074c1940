package dev.automations.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Optional;

/**
 * Finds the occurrences of wall-clock fields in a zone, under the DST rules of the Open Cron
 * Pattern Specification: a wall time skipped by a gap fires shifted forward by the gap, and a
 * wall time repeated by an overlap fires once, at the earlier offset, unless the hour field is
 * a bare {@code *}, which fires in both repetitions.
 *
 * <p>The timeline is walked one offset period (between two transitions) at a time: inside a
 * period wall time and real time advance together, so the first matching wall time is the
 * first occurrence, except for the gap that opened the period, whose shifted occurrences are
 * searched separately.
 */
final class Occurrences {

    private final CronFields fields;
    private final ZoneRules rules;

    Occurrences(CronFields fields, ZoneId zone) {
        this.fields = fields;
        this.rules = zone.getRules();
    }

    Optional<Instant> firstAfter(Instant after) {
        LocalDateTime horizon = LocalDateTime.ofInstant(after, ZoneOffset.UTC).plusYears(CronFields.CYCLE_YEARS);
        // Transitions fall on whole seconds, so this also finds one exactly at `after`.
        ZoneOffsetTransition start = rules.previousTransition(after.plusNanos(1));
        ZoneOffset offset = rules.getOffset(after);
        while (true) {
            ZoneOffsetTransition end = rules.nextTransition(start == null ? after : start.getInstant());
            boolean last = end == null || end.getDateTimeBefore().isAfter(horizon);
            LocalDateTime until = last ? horizon : end.getDateTimeBefore();
            Optional<Instant> found = earliest(inPeriod(after, start, offset, until), shiftedOutOfGap(after, start));
            if (found.isPresent() || last) {
                return found;
            }
            start = end;
            offset = end.getOffsetAfter();
        }
    }

    private Optional<Instant> inPeriod(Instant after, ZoneOffsetTransition start, ZoneOffset offset,
                                       LocalDateTime until) {
        LocalDateTime from = firstMinuteAfter(after, offset);
        if (start != null) {
            // A fixed hour already fired in the first repetition of an overlap, so skip the second.
            LocalDateTime periodStart = start.isOverlap() && !fields.everyHour()
                    ? start.getDateTimeBefore()
                    : start.getDateTimeAfter();
            from = later(from, periodStart);
        }
        return fields.firstMatch(from, until).map(time -> time.toInstant(offset));
    }

    private Optional<Instant> shiftedOutOfGap(Instant after, ZoneOffsetTransition start) {
        if (start == null || !start.isGap()) {
            return Optional.empty();
        }
        // Shifting a skipped wall time forward by the gap gives the instant it has in the old offset.
        ZoneOffset before = start.getOffsetBefore();
        LocalDateTime from = later(firstMinuteAfter(after, before), start.getDateTimeBefore());
        return fields.firstMatch(from, start.getDateTimeAfter()).map(time -> time.toInstant(before));
    }

    private static LocalDateTime firstMinuteAfter(Instant after, ZoneOffset offset) {
        return LocalDateTime.ofInstant(after, offset).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
    }
}
