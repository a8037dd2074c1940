package dev.automations.filter;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trigger's {@code filter} (contract §7): {@code selector: condition} pairs that must all hold,
 * combined with the top-level keys {@code $or} (an array of filters, one must hold) and {@code $not}
 * (a filter that must not hold). See {@link Selector} for selectors. A condition is a scalar or
 * null (equal by JSON type and value), an object with one operator key ({@code $eq $ne $in $nin
 * $exists $regex $contains $gt $gte $lt $lte}), or any other array or object (deep equality).
 * <p>
 * Parse once when the trigger is saved, which refuses anything that could not be evaluated; the
 * parsed filter is immutable and safe to evaluate from many threads.
 */
public final class Filter {

    private static final int MAX_UTF8_BYTES = 16 * 1024;
    private static final int MAX_CONDITIONS = 64;
    private static final Filter MATCH_ALL = new Filter(List.of());

    private final List<Clause> clauses;

    private Filter(List<Clause> clauses) {
        this.clauses = clauses;
    }

    /**
     * @param json the {@code filter} value: Java null or JSON null match everything, otherwise an object
     * @return the parsed filter
     * @throws InvalidFilterException naming the selector (or {@code $or}/{@code $not}, or
     *     {@code "filter"} for the whole) when the filter cannot be evaluated or exceeds 16 KiB of
     *     compact JSON or 64 conditions
     */
    public static Filter parse(JsonValue json) {
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return MATCH_ALL;
        }
        if (!(json instanceof JsonObject object)) {
            throw new InvalidFilterException("filter", "must be a JSON object or null, got " + JsonValues.brief(json));
        }
        if (object.toString().getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            throw new InvalidFilterException("filter", "larger than 16 KiB of JSON");
        }
        Filter filter = parseObject(object);
        if (filter.conditions() > MAX_CONDITIONS) {
            throw new InvalidFilterException("filter", "more than " + MAX_CONDITIONS + " conditions");
        }
        return filter;
    }

    private static Filter parseObject(JsonObject object) {
        List<Clause> clauses = new ArrayList<>();
        object.forEach((key, value) -> clauses.add(switch (key) {
            case "$or" -> new Clause.AnyOf(alternatives(value));
            case "$not" -> negation(value);
            default -> new Clause.Match(selector(key), Condition.parse(key, value));
        }));
        return new Filter(List.copyOf(clauses));
    }

    private static List<Filter> alternatives(JsonValue value) {
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw new InvalidFilterException("$or", "needs a non-empty array of filter objects");
        }
        return array.stream().map(element -> parseObject(filterObject("$or", element))).toList();
    }

    private static Clause negation(JsonValue value) {
        JsonObject object = filterObject("$not", value);
        return new Clause.Not(parseObject(object), object);
    }

    private static JsonObject filterObject(String key, JsonValue value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new InvalidFilterException(key, "needs a filter object, got " + JsonValues.brief(value));
    }

    /** Keys like {@code $and} would otherwise be read as a broken JSONPath, with a confusing message. */
    private static Selector selector(String key) {
        if (key.matches("\\$[A-Za-z]+")) {
            throw new InvalidFilterException(key, "unknown top-level operator (known: $or, $not)");
        }
        return Selector.parse(key);
    }

    /**
     * @param payload the parsed JSON body; pass Java {@code null} when the body was not JSON (the
     *                event stores it as {@code {"_raw_body": ..., "_content_note": ...}}): payload
     *                selectors then find nothing, while {@code header:} selectors still work. JSON
     *                {@code null} is a JSON body like any other.
     * @param headers the request headers in a map whose lookups ignore case (a {@code TreeMap} with
     *                {@link String#CASE_INSENSITIVE_ORDER}); null for none
     * @return matched, or not matched with the first failing condition in document order
     */
    public FilterResult evaluate(JsonValue payload, Map<String, String> headers) {
        String reason = firstFailure(payload, headers);
        return reason == null ? FilterResult.MATCHED : new FilterResult(false, reason);
    }

    String firstFailure(JsonValue payload, Map<String, String> headers) {
        for (Clause clause : clauses) {
            String reason = clause.failure(payload, headers);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    int conditions() {
        return clauses.stream().mapToInt(Clause::conditions).sum();
    }
}
