package dev.automations.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The five fields of a schedule, matched against wall-clock minutes without regard to any zone. */
record CronFields(FieldValues minutes, FieldValues hours, FieldValues daysOfMonth, FieldValues months,
                  FieldValues daysOfWeek) {

    /**
     * A schedule that occurs at all occurs within any window this long: February 29 can be
     * eight years apart (2096, 2104), every other day of the calendar comes back within a year.
     */
    static final int CYCLE_YEARS = 9;

    private static final LocalDateTime CYCLE_START = LocalDateTime.of(2000, 1, 1, 0, 0);

    boolean occurs() {
        return firstMatch(CYCLE_START, CYCLE_START.plusYears(CYCLE_YEARS)).isPresent();
    }

    /** Whether the hour field is a bare {@code *}, which makes a fall-back overlap fire twice. */
    boolean everyHour() {
        return hours.star();
    }

    /**
     * The earliest matching minute in [{@code from}, {@code until}); {@code from} is a whole minute.
     * Skips whole months, days and hours that cannot match, so a search over years stays short.
     */
    Optional<LocalDateTime> firstMatch(LocalDateTime from, LocalDateTime until) {
        LocalDateTime time = from;
        while (time.isBefore(until)) {
            if (!months.contains(time.getMonthValue())) {
                time = nextMonth(time.toLocalDate());
            } else if (!matchesDay(time.toLocalDate())) {
                time = time.toLocalDate().plusDays(1).atStartOfDay();
            } else if (!hours.contains(time.getHour())) {
                time = nextHour(time);
            } else if (!minutes.contains(time.getMinute())) {
                time = nextMinute(time);
            } else {
                return Optional.of(time);
            }
        }
        return Optional.empty();
    }

    private boolean matchesDay(LocalDate date) {
        boolean dayOfMonth = daysOfMonth.contains(date.getDayOfMonth());
        // java.time counts Monday 1 to Sunday 7; cron's Sunday is 0 or 7.
        int weekday = date.getDayOfWeek().getValue();
        boolean dayOfWeek = daysOfWeek.contains(weekday) || daysOfWeek.contains(weekday % 7);
        // Vixie cron: when both day fields are restricted, a day matching either one is enough.
        return daysOfMonth.star() || daysOfWeek.star() ? dayOfMonth && dayOfWeek : dayOfMonth || dayOfWeek;
    }

    private LocalDateTime nextMonth(LocalDate date) {
        LocalDate newYear = date.withDayOfYear(1);
        int month = months.next(date.getMonthValue() + 1);
        return month <= 12
                ? newYear.withMonth(month).atStartOfDay()
                : newYear.plusYears(1).withMonth(months.next(1)).atStartOfDay();
    }

    private LocalDateTime nextHour(LocalDateTime time) {
        int hour = hours.next(time.getHour() + 1);
        return hour < 24
                ? time.toLocalDate().atTime(hour, 0)
                : time.toLocalDate().plusDays(1).atStartOfDay();
    }

    private LocalDateTime nextMinute(LocalDateTime time) {
        int minute = minutes.next(time.getMinute() + 1);
        LocalDateTime hour = time.truncatedTo(ChronoUnit.HOURS);
        return minute < 60 ? hour.withMinute(minute) : hour.plusHours(1);
    }
}
