package dev.automations.filter;

import static dev.automations.filter.Vectors.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorTest {

    private static final JsonValue PAYLOAD = json("""
            {'action': 'opened',
             'a.b': 'dotted key', 'a': {'b': 'nested'}, 'a\\\\': {'b': 'backslash key'},
             '#': 'hash key', '$x': 'dollar key', 'header:x': 'colon key', 'obj': {'0': 'zero key', '#': 'inner hash'},
             'labels': [{'name': 'bug'}, {'id': 7}, {'name': 'ui'}],
             'empty': [],
             'grid': [[1, 2], [3]],
             'big': 123456789012345678901234567890, 'tenth': 0.1, 'nothing': null}
            """);

    private static final Map<String, String> HEADERS = Vectors.headers(Map.of("X-GitHub-Event", "push"));

    private static Optional<JsonValue> select(String selector) {
        return Selector.parse(selector).select(PAYLOAD, HEADERS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            action                 | 'opened'
            a.b                    | 'nested'
            a\\.b                  | 'dotted key'
            a\\\\.b                | 'backslash key'
            \\#                    | 'hash key'
            \\$x                   | 'dollar key'
            header\\:x             | 'colon key'
            obj.0                  | 'zero key'
            obj.#                  | 'inner hash'
            labels.0.name          | 'bug'
            labels.2.name          | 'ui'
            labels.#               | 3
            labels.#.name          | ['bug','ui']
            labels.#.id            | [7]
            empty.#                | 0
            empty.#.name           | []
            grid.#.#               | [2,1]
            grid.1.0               | 3
            nothing                | null
            big                    | 123456789012345678901234567890
            $.action               | 'opened'
            $['a.b']               | 'dotted key'
            $.labels[1].id         | 7
            $.labels[*].name       | ['bug','ui']
            $.labels[?(@.id == 7)] | [{'id':7}]
            $..id                  | [7]
            $.empty                | []
            $.nothing              | null
            $.big                  | 123456789012345678901234567890
            $.tenth                | 0.1
            $.labels.length()      | 3
            header:X-GitHub-Event  | 'push'
            header:x-github-event  | 'push'
            """)
    void finds(String selector, String expected) {
        Optional<JsonValue> found = select(selector);
        assertEquals(json(expected).toString(), found.map(JsonValue::toString).orElse("(nothing)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Action", "missing", "a.c", "a.b.c", "action.length", "labels.3.name", "labels.x",
            "labels.-1", "labels.99999999999", "obj.#.x", "$.missing", "$.labels[7]", "$.labels[?(@.id == 8)]",
            "$..missing", "header:X-Missing"})
    void findsNothing(String selector) {
        assertEquals(Optional.empty(), select(selector));
    }

    @ParameterizedTest
    @ValueSource(strings = {"action", "$.action", "$", "header:X-GitHub-Event"})
    void rawBodyHoldsNothingButHeaders(String selector) {
        Optional<JsonValue> found = Selector.parse(selector).select(null, HEADERS);
        assertEquals(selector.startsWith("header:"), found.isPresent());
    }

    @Test
    void noHeadersMeansNoHeaderValues() {
        assertEquals(Optional.empty(), Selector.parse("header:X-GitHub-Event").select(PAYLOAD, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".a", "a.", "a..b", "a\\", "a*", "a.b?", "a|b", "@reverse", "labels.#(name==\"bug\")",
            "a.#x", "[a,b]", "{a}", "header:", "header:X GitHub", "$.a[?(", "$.a[?(@.b =~ /x/)]", "$$"})
    void refusesWhatCannotBeEvaluated(String selector) {
        InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> Selector.parse(selector));
        assertEquals(selector, e.selector());
    }

    @Test
    void escapedMetacharactersAreLiteralKeys() {
        JsonValue payload = json("{'a*': {'?b': 1}, '@t': 2}");
        assertEquals(Optional.of(json("1")), Selector.parse("a\\*.\\?b").select(payload, null));
        assertEquals(Optional.of(json("2")), Selector.parse("\\@t").select(payload, null));
    }
}
