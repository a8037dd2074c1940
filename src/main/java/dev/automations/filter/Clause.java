package dev.automations.filter;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One top-level entry of a filter object. */
sealed interface Clause {

    /** @return null when the clause holds, else why not */
    String failure(JsonValue payload, Map<String, String> headers);

    /** @return the selector conditions it holds, counted against the filter's limit */
    int conditions();

    /** {@code selector: condition}. */
    record Match(Selector selector, Condition condition) implements Clause {
        public String failure(JsonValue payload, Map<String, String> headers) {
            Optional<JsonValue> actual = selector.select(payload, headers);
            if (actual.isEmpty()) {
                return condition.holdsWhenMissing() ? null : selector.text() + ": not found";
            }
            if (condition.test(actual.get())) {
                return null;
            }
            return selector.text() + ": expected " + condition.expectation() + ", got " + JsonValues.brief(actual.get());
        }

        public int conditions() {
            return 1;
        }
    }

    /** {@code $or}: at least one filter holds. */
    record AnyOf(List<Filter> filters) implements Clause {
        public String failure(JsonValue payload, Map<String, String> headers) {
            StringBuilder reasons = new StringBuilder();
            for (Filter filter : filters) {
                String reason = filter.firstFailure(payload, headers);
                if (reason == null) {
                    return null;
                }
                reasons.append(reasons.isEmpty() ? "" : "; ").append(reason);
            }
            return "$or: no alternative matched (" + reasons + ")";
        }

        public int conditions() {
            return filters.stream().mapToInt(Filter::conditions).sum();
        }
    }

    /** {@code $not}: the filter does not hold. */
    record Not(Filter filter, JsonObject source) implements Clause {
        public String failure(JsonValue payload, Map<String, String> headers) {
            return filter.firstFailure(payload, headers) == null ? "$not: " + JsonValues.brief(source) + " matched" : null;
        }

        public int conditions() {
            return filter.conditions();
        }
    }
}
