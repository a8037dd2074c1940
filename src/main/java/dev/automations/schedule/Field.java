package dev.automations.schedule;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.field.CronFieldName;
import com.cronutils.model.field.constraint.FieldConstraints;
import com.cronutils.model.field.expression.Always;
import com.cronutils.model.field.expression.And;
import com.cronutils.model.field.expression.Between;
import com.cronutils.model.field.expression.Every;
import com.cronutils.model.field.expression.FieldExpression;
import com.cronutils.model.field.expression.On;
import com.cronutils.model.field.expression.visitor.ValidationFieldExpressionVisitor;
import com.cronutils.model.field.value.FieldValue;
import com.cronutils.parser.FieldParser;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The five fields of the dialect, each read into the values it allows. */
enum Field {
    MINUTE("minute", CronFieldName.MINUTE, 0, 59, List.of()),
    HOUR("hour", CronFieldName.HOUR, 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", CronFieldName.DAY_OF_MONTH, 1, 31, List.of()),
    MONTH("month", CronFieldName.MONTH, 1, 12,
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")),
    // 7 is accepted as Sunday too, but `*` and `N/step` stop at 6 so that MON/2 is Mon, Wed, Fri only.
    DAY_OF_WEEK("day-of-week", CronFieldName.DAY_OF_WEEK, 0, 6,
            List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"));

    // cron-utils checks values, ranges and steps; names are mapped here because cron-utils reads
    // SUN as 7 inside ranges and so rejects SUN-SAT.
    private static final CronDefinition DIALECT = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0).withStrictRange().and()
            .instance();
    private static final Pattern WORD = Pattern.compile("[A-Z]+");
    private static final Pattern ZERO_STEP = Pattern.compile("/0+(?![0-9])");
    private static final Pattern UNEXPECTED = Pattern.compile("[^0-9*,/-]");
    private static final Set<String> QUARTZ_WORDS = Set.of("L", "W", "LW");
    private static final String QUARTZ_CHARACTERS = "?#";

    private final String label;
    private final CronFieldName name;
    private final int min;
    private final int max;
    private final List<String> names;

    Field(String label, CronFieldName name, int min, int max, List<String> names) {
        this.label = label;
        this.name = name;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    FieldValues read(String text) {
        String numeric = WORD.matcher(text.toUpperCase(Locale.ROOT))
                .replaceAll(word -> number(word.group(), text));
        Matcher unexpected = UNEXPECTED.matcher(numeric);
        if (unexpected.find()) {
            throw QUARTZ_CHARACTERS.contains(unexpected.group())
                    ? quartz(text)
                    : invalid(text, "unexpected character '" + unexpected.group() + "'");
        }
        if (ZERO_STEP.matcher(numeric).find()) {
            throw invalid(text, "a step must be at least 1");
        }
        FieldExpression expression = parse(numeric, text);
        return new FieldValues(bits(expression), expression instanceof Always);
    }

    private String number(String word, String text) {
        int index = names.indexOf(word);
        if (index >= 0) {
            return Integer.toString(min + index);
        }
        throw QUARTZ_WORDS.contains(word) ? quartz(text) : invalid(text, "unknown name \"" + word + "\"");
    }

    private FieldExpression parse(String numeric, String text) {
        FieldConstraints constraints = DIALECT.getFieldDefinition(name).getConstraints();
        try {
            return new FieldParser(constraints).parse(numeric)
                    .accept(new ValidationFieldExpressionVisitor(constraints));
        } catch (IllegalArgumentException e) {
            throw invalid(text, e.getMessage());
        }
    }

    private long bits(FieldExpression expression) {
        if (expression instanceof Always) {
            return range(min, max, 1);
        }
        if (expression instanceof On on) {
            return 1L << on.getTime().getValue();
        }
        if (expression instanceof Between between) {
            return range(value(between.getFrom()), value(between.getTo()), 1);
        }
        if (expression instanceof Every every) {
            int step = every.getPeriod().getValue();
            FieldExpression start = every.getExpression();
            if (start instanceof On on) {
                // `N/step` runs to the end of the field, as in robfig/cron and croner.
                return range(on.getTime().getValue(), max, step);
            }
            if (start instanceof Between between) {
                return range(value(between.getFrom()), value(between.getTo()), step);
            }
            return range(min, max, step);
        }
        if (expression instanceof And and) {
            return and.getExpressions().stream().mapToLong(this::bits).reduce(0L, (a, b) -> a | b);
        }
        throw new IllegalStateException("cron-utils returned an unexpected " + expression.asString());
    }

    private static int value(FieldValue<?> value) {
        return ((Number) value.getValue()).intValue();
    }

    private static long range(int from, int to, int step) {
        long bits = 0;
        for (int value = from; value <= to; value += step) {
            bits |= 1L << value;
        }
        return bits;
    }

    private InvalidScheduleException quartz(String text) {
        return invalid(text, "Quartz syntax (?, L, W, #) is not supported");
    }

    private InvalidScheduleException invalid(String text, String problem) {
        return new InvalidScheduleException(label + " field \"" + text + "\": " + problem);
    }
}
