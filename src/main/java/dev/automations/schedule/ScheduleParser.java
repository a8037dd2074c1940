package dev.automations.schedule;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/** Reads the text of a schedule: the optional zone prefix, then a descriptor or five fields. */
final class ScheduleParser {

    private static final String ZONE_PREFIX = "CRON_TZ=";
    private static final Map<String, String> DESCRIPTORS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@hourly", "0 * * * *");

    private ScheduleParser() {
    }

    static CronSchedule parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException("the schedule is empty");
        }
        String text = expression.strip();
        ZoneId zone = ZoneOffset.UTC;
        if (text.regionMatches(true, 0, ZONE_PREFIX, 0, ZONE_PREFIX.length())) {
            String[] zoneAndRest = text.substring(ZONE_PREFIX.length()).split("\\s+", 2);
            zone = zone(zoneAndRest[0]);
            if (zoneAndRest.length < 2) {
                throw new InvalidScheduleException(ZONE_PREFIX + zoneAndRest[0] + " must be followed by a schedule");
            }
            text = zoneAndRest[1];
        }
        CronFields fields = fields(text);
        if (!fields.occurs()) {
            throw new InvalidScheduleException(
                    "the schedule never occurs: no month it names has the day of month it asks for");
        }
        return new CronSchedule(expression, zone, fields);
    }

    private static ZoneId zone(String name) {
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            throw new InvalidScheduleException("unknown time zone \"" + name + "\" in " + ZONE_PREFIX
                    + ": use an IANA name such as Europe/Berlin");
        }
        return ZoneId.of(name);
    }

    private static CronFields fields(String text) {
        if (text.startsWith("@")) {
            String fields = DESCRIPTORS.get(text.toLowerCase(Locale.ROOT));
            if (fields == null) {
                throw new InvalidScheduleException("unknown descriptor \"" + text
                        + "\": use @hourly, @daily, @weekly, @monthly, @yearly or 5 fields");
            }
            return fields(fields);
        }
        String[] parts = text.split("\\s+");
        if (parts.length != 5) {
            throw new InvalidScheduleException("expected 5 fields (minute hour day-of-month month day-of-week), got "
                    + parts.length + whyNot(parts.length));
        }
        return new CronFields(
                Field.MINUTE.read(parts[0]),
                Field.HOUR.read(parts[1]),
                Field.DAY_OF_MONTH.read(parts[2]),
                Field.MONTH.read(parts[3]),
                Field.DAY_OF_WEEK.read(parts[4]));
    }

    /** Six or seven fields are most likely seconds (and a year) from another dialect. */
    private static String whyNot(int fieldCount) {
        return switch (fieldCount) {
            case 6 -> ": a seconds (or year) field is not supported";
            case 7 -> ": Quartz seconds and year fields are not supported";
            default -> "";
        };
    }
}
