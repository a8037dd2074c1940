package dev.automations.filter;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.function.IntPredicate;

/** What a selected value must satisfy (contract §7). */
sealed interface Condition {

    /** @return whether a present value satisfies the condition */
    boolean test(JsonValue actual);

    /** @return what was expected, worded to follow "expected " in a reason */
    String expectation();

    /** Only {@code {"$exists": false}} holds for a selector that finds nothing. */
    default boolean holdsWhenMissing() {
        return false;
    }

    /**
     * @param selector names the condition in errors
     * @param spec     a scalar or null (equality), an object with one {@code $}-operator key, or any
     *                 other array or object (deep equality)
     * @throws InvalidFilterException for an unknown operator or a wrong operand
     */
    static Condition parse(String selector, JsonValue spec) {
        if (!(spec instanceof JsonObject object) || object.keySet().stream().noneMatch(k -> k.startsWith("$"))) {
            return new Equal(spec);
        }
        if (object.size() != 1) {
            throw new InvalidFilterException(selector, "an operator object has exactly one key, got "
                    + object.keySet() + " (to compare with an object holding $-keys, use $eq)");
        }
        Map.Entry<String, JsonValue> entry = object.entrySet().iterator().next();
        Operand operand = new Operand(selector, entry.getKey(), entry.getValue());
        return switch (operand.operator()) {
            case "$eq" -> new Equal(operand.value());
            case "$ne" -> new NotEqual(operand.value());
            case "$in" -> new In(operand.array());
            case "$nin" -> new NotIn(operand.array());
            case "$exists" -> new Exists(operand.bool());
            case "$regex" -> new Regex(operand.regex());
            case "$contains" -> new Contains(operand.value());
            case "$gt" -> new Compare(">", c -> c > 0, operand.number());
            case "$gte" -> new Compare(">=", c -> c >= 0, operand.number());
            case "$lt" -> new Compare("<", c -> c < 0, operand.number());
            case "$lte" -> new Compare("<=", c -> c <= 0, operand.number());
            default -> throw new InvalidFilterException(selector, "unknown operator " + operand.operator()
                    + " (known: $eq $ne $in $nin $exists $regex $contains $gt $gte $lt $lte)");
        };
    }

    /** An operator's operand, checked for the type the operator needs. */
    record Operand(String selector, String operator, JsonValue value) {

        JsonArray array() {
            if (value instanceof JsonArray array) {
                return array;
            }
            throw wrongType("an array");
        }

        boolean bool() {
            return switch (value.getValueType()) {
                case TRUE -> true;
                case FALSE -> false;
                default -> throw wrongType("true or false");
            };
        }

        JsonNumber number() {
            if (value instanceof JsonNumber number) {
                return number;
            }
            throw wrongType("a number");
        }

        Pattern regex() {
            if (!(value instanceof JsonString string)) {
                throw wrongType("a string");
            }
            try {
                return Pattern.compile(string.getString());
            } catch (PatternSyntaxException e) {
                throw new InvalidFilterException(selector, "invalid $regex (RE2 syntax): " + e.getMessage());
            }
        }

        private InvalidFilterException wrongType(String needed) {
            return new InvalidFilterException(selector, operator + " needs " + needed + ", got " + JsonValues.brief(value));
        }
    }

    record Equal(JsonValue expected) implements Condition {
        public boolean test(JsonValue actual) {
            return JsonValues.same(expected, actual);
        }

        public String expectation() {
            return JsonValues.brief(expected);
        }
    }

    record NotEqual(JsonValue unwanted) implements Condition {
        public boolean test(JsonValue actual) {
            return !JsonValues.same(unwanted, actual);
        }

        public String expectation() {
            return "not " + JsonValues.brief(unwanted);
        }
    }

    record In(JsonArray allowed) implements Condition {
        public boolean test(JsonValue actual) {
            return allowed.stream().anyMatch(v -> JsonValues.same(v, actual));
        }

        public String expectation() {
            return "one of " + JsonValues.brief(allowed);
        }
    }

    record NotIn(JsonArray unwanted) implements Condition {
        public boolean test(JsonValue actual) {
            return unwanted.stream().noneMatch(v -> JsonValues.same(v, actual));
        }

        public String expectation() {
            return "none of " + JsonValues.brief(unwanted);
        }
    }

    record Exists(boolean wanted) implements Condition {
        public boolean test(JsonValue actual) {
            return wanted;
        }

        public String expectation() {
            return "to be absent";
        }

        @Override
        public boolean holdsWhenMissing() {
            return !wanted;
        }
    }

    /** RE2 runs in time linear in the input, so no payload can stall evaluation. */
    record Regex(Pattern pattern) implements Condition {
        public boolean test(JsonValue actual) {
            return actual instanceof JsonString string && pattern.matcher(string.getString()).find();
        }

        public String expectation() {
            return "to match /" + pattern.pattern() + "/";
        }
    }

    /** A substring of a string, or an element of an array. */
    record Contains(JsonValue part) implements Condition {
        public boolean test(JsonValue actual) {
            if (actual instanceof JsonArray array) {
                return array.stream().anyMatch(v -> JsonValues.same(v, part));
            }
            return actual instanceof JsonString string && part instanceof JsonString wanted
                    && string.getString().contains(wanted.getString());
        }

        public String expectation() {
            return "to contain " + JsonValues.brief(part);
        }
    }

    record Compare(String symbol, IntPredicate accepts, JsonNumber bound) implements Condition {
        public boolean test(JsonValue actual) {
            return actual instanceof JsonNumber number
                    && accepts.test(number.bigDecimalValue().compareTo(bound.bigDecimalValue()));
        }

        public String expectation() {
            return symbol + " " + bound;
        }
    }
}
