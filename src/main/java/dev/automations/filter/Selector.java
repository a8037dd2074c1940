package dev.automations.filter;

import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * Where a filter condition or a label finds its value (contract §7). One of:
 * <ul>
 *   <li>{@code header:<Name>}: the request header's value as a JSON string;</li>
 *   <li>a JSONPath starting with {@code $} (Jayway syntax); a definite path yields the value, an
 *       indefinite one ({@code [*]}, {@code ..}, filters) the array of everything it found, and a
 *       path that finds nothing (an empty array included) is missing. Regex filters ({@code =~})
 *       are refused: they would backtrack, use {@code $regex} instead;</li>
 *   <li>otherwise a gjson-style dotted path as in Coder: {@code pull_request.number},
 *       {@code labels.0.name}, {@code labels.#} (the array's length), {@code labels.#.name} (the
 *       array of every element's {@code name}, elements without one skipped). A backslash makes
 *       the next character literal: {@code a\.b} is the key {@code "a.b"}, {@code \$x} the key
 *       {@code "$x"}, {@code header\:x} the key {@code "header:x"}. gjson's wildcards
 *       ({@code * ?}), queries ({@code #(...)}), modifiers ({@code @...}), pipes and multipaths are
 *       refused rather than read differently from gjson.</li>
 * </ul>
 * Parsed once when a trigger is saved; immutable and safe to share between threads.
 */
public sealed interface Selector permits HeaderSelector, JsonPathSelector, DottedPath {

    /**
     * @param text the selector as the user wrote it
     * @return the parsed selector
     * @throws InvalidFilterException naming {@code text} when it cannot be evaluated
     */
    static Selector parse(String text) {
        if (text.isEmpty()) {
            throw new InvalidFilterException(text, "empty selector");
        }
        if (text.startsWith(HeaderSelector.PREFIX)) {
            return HeaderSelector.parse(text);
        }
        if (text.startsWith("$")) {
            return JsonPathSelector.parse(text);
        }
        return DottedPath.parse(text);
    }

    /**
     * @param payload the parsed JSON body, or Java {@code null} when the body was not JSON (stored
     *                as {@code _raw_body}): payload selectors then find nothing, headers still work
     * @param headers the request headers, looked up case-insensitively by the caller's map (a
     *                {@code TreeMap} with {@link String#CASE_INSENSITIVE_ORDER}); null for none
     * @return the selected value, or empty when the selector finds nothing
     */
    Optional<JsonValue> select(JsonValue payload, Map<String, String> headers);

    /** @return the selector as written */
    String text();
}
