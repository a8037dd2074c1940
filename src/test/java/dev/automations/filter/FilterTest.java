package dev.automations.filter;

import static dev.automations.filter.Vectors.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterTest {

    private static final JsonValue PAYLOAD = json("""
            {'action': 'closed', 'number': 42, 'ratio': 0.5, 'draft': false, 'sender': null,
             'labels': ['bug', 'ui'], 'sizes': [1, 2.0], 'body': 'Hey @amber, please review'}
            """);

    private static final Map<String, String> HEADERS = Vectors.headers(Map.of("X-GitHub-Event", "push"));

    private static FilterResult evaluate(String filter) {
        return Filter.parse(json(filter)).evaluate(PAYLOAD, HEADERS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            {'action': 'opened'}                       | action: expected "opened", got "closed"
            {'number': '42'}                           | number: expected "42", got 42
            {'pull_request.number': 42}                | pull_request.number: not found
            {'missing': {'$ne': 1}}                    | missing: not found
            {'missing': {'$exists': true}}             | missing: not found
            {'action': {'$exists': false}}             | action: expected to be absent, got "closed"
            {'action': {'$ne': 'closed'}}              | action: expected not "closed", got "closed"
            {'action': {'$in': ['opened', 'edited']}}  | action: expected one of ["opened","edited"], got "closed"
            {'action': {'$nin': ['closed']}}           | action: expected none of ["closed"], got "closed"
            {'body': {'$regex': '^@amber'}}            | body: expected to match /^@amber/, got "Hey @amber, please review"
            {'labels': {'$contains': 'docs'}}          | labels: expected to contain "docs", got ["bug","ui"]
            {'number': {'$gt': 42}}                    | number: expected > 42, got 42
            {'number': {'$lte': 41.5}}                 | number: expected <= 41.5, got 42
            {'header:x-github-event': 'pull_request'}  | header:x-github-event: expected "pull_request", got "push"
            {'action': 'closed', 'draft': true}        | draft: expected true, got false
            {'$not': {'action': 'closed'}}             | $not: {"action":"closed"} matched
            {'$or': [{'action': 'a'}, {'number': 1}]}  | $or: no alternative matched (action: expected "a", got "closed"; number: expected 1, got 42)
            """)
    void reasonNamesTheFirstFailingConditionWithExpectedAndActual(String filter, String reason) {
        FilterResult result = evaluate(filter);
        assertFalse(result.matched());
        assertEquals(reason, result.reason());
    }

    @Test
    void reasonFollowsDocumentOrder() {
        assertEquals("number: expected 1, got 42", evaluate("{'number': 1, 'action': 'opened'}").reason());
        assertEquals("action: expected \"opened\", got \"closed\"", evaluate("{'action': 'opened', 'number': 1}").reason());
    }

    @Test
    void reasonCutsLargeValues() {
        String reason = Filter.parse(json("{'body': 'x'}"))
                .evaluate(json("{'body': '" + "y".repeat(10_000) + "'}"), HEADERS).reason();
        assertTrue(reason.length() < 200, reason);
        assertTrue(reason.endsWith("…"), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'number': 42.00}", "{'number': 4.2e1}", "{'ratio': 0.50}", "{'sender': null}",
        "{'sizes': [1.0, 2]}", "{'sizes': {'$eq': [1, 2]}}", "{'number': {'$in': ['42', 42.0]}}",
        "{'number': {'$nin': ['42']}}", "{'missing': {'$exists': false}}", "{'action': {'$exists': true}}",
        "{'labels': {'$contains': 'ui'}}", "{'body': {'$contains': '@amber'}}", "{'sizes': {'$contains': 2}}",
        "{'body': {'$regex': '(^|\\\\s)@amber\\\\b'}}", "{'number': {'$gte': 42}}",
        "{'ratio': {'$gt': 0.25}}", "{'number': {'$lt': 1e3}}",
        "{'$not': {'missing': 1}}", "{'$or': [{'missing': 1}, {'$not': {'action': 'opened'}}]}",
        "{'header:X-GITHUB-EVENT': 'push', 'action': 'closed'}", "{'filter': {'$exists': false}}",
        "{'action': {'$ne': {'$gt': 1}}}"
    })
    void matches(String filter) {
        FilterResult result = evaluate(filter);
        assertTrue(result.matched(), result::reason);
        assertEquals(null, result.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{'draft': 0}", "{'sender': false}", "{'labels': ['ui', 'bug']}", "{'labels': ['bug']}",
        "{'number': {'$regex': '42'}}", "{'body': {'$contains': 1}}", "{'action': {'$gt': 1}}",
        "{'missing': null}", "{'missing': {'$nin': [1]}}", "{'sender': {'$exists': false}}",
        "{'$not': {}}", "{'action': 'Closed'}"
    })
    void doesNotMatch(String filter) {
        assertFalse(evaluate(filter).matched());
    }

    @Test
    void rawBodiesOfferOnlyHeaders() {
        Filter filter = Filter.parse(json("{'header:X-GitHub-Event': 'push', '_raw_body': {'$exists': false}}"));
        assertTrue(filter.evaluate(null, HEADERS).matched());
        assertEquals("action: not found", Filter.parse(json("{'action': 'closed'}")).evaluate(null, HEADERS).reason());
    }

    @Test
    void nullFilterMatchesEvenWithoutPayloadOrHeaders() {
        assertTrue(Filter.parse(null).evaluate(null, null).matched());
        assertTrue(Filter.parse(JsonValue.NULL).evaluate(PAYLOAD, HEADERS).matched());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            'opened'                                | filter
            {'$or': []}                             | $or
            {'$or': [1]}                            | $or
            {'$not': [{'a': 1}]}                    | $not
            {'$and': [{'a': 1}]}                    | $and
            {'$or': [{'a': {'$bad': 1}}]}           | a
            {'$not': {'b': {'$regex': 'a)'}}}       | b
            {'a': {'$exists': 'yes'}}               | a
            {'a': {'$regex': 5}}                    | a
            {'a': {'$nin': {'x': 1}}}               | a
            {'a': {'$lte': null}}                   | a
            {'a': {'x': 1, '$eq': 2}}               | a
            {'a..b': 1}                             | a..b
            {'$.x[?(@.y =~ /z/)]': 1}               | $.x[?(@.y =~ /z/)]
            """)
    void refusesFiltersThatCannotBeEvaluated(String filter, String selector) {
        InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> Filter.parse(json(filter)));
        assertEquals(selector, e.selector());
        assertTrue(e.getMessage().startsWith(selector + ": "), e::getMessage);
    }

    @Test
    void allowsSixtyFourConditionsCountedThroughOrAndNot() {
        assertTrue(Filter.parse(conditions(64)).evaluate(PAYLOAD, HEADERS).matched());
        JsonValue nested = Json.createObjectBuilder()
                .add("$or", Json.createArrayBuilder().add(conditions(32)).add(conditions(32)))
                .add("$not", Json.createObjectBuilder().add("missing", 1))
                .build();
        assertEquals("filter", assertThrows(InvalidFilterException.class, () -> Filter.parse(nested)).selector());
        assertEquals("filter", assertThrows(InvalidFilterException.class, () -> Filter.parse(conditions(65))).selector());
    }

    @Test
    void allowsSixteenKibibytesOfJson() {
        String overhead = "{\"body\":{\"$ne\":\"\"}}";
        Filter.parse(Json.createObjectBuilder().add("body", Json.createObjectBuilder()
                .add("$ne", "é".repeat((16 * 1024 - overhead.length()) / 2))).build());
        JsonValue tooLarge = Json.createObjectBuilder().add("body", Json.createObjectBuilder()
                .add("$ne", "é".repeat((16 * 1024 - overhead.length()) / 2 + 1))).build();
        assertEquals("filter", assertThrows(InvalidFilterException.class, () -> Filter.parse(tooLarge)).selector());
    }

    /**
     * Patterns that send a backtracking engine into exponential time still give their answer; how fast RE2 gives it
     * is measured by {@code bench/java.sh FilterRegex}.
     */
    @Test
    void hostileRegexesOnHostileInputGiveTheirAnswer() {
        JsonValue payload = Json.createObjectBuilder().add("body", "a".repeat(50_000) + "!").build();
        for (String regex : new String[] {"(a+)+$", "(a|aa)*b", "^(a|a?)+$"}) {
            Filter filter = Filter.parse(Json.createObjectBuilder()
                    .add("body", Json.createObjectBuilder().add("$regex", regex)).build());
            assertFalse(filter.evaluate(payload, HEADERS).matched(), regex);
        }
    }

    /** Conditions that all hold, on keys that do not exist. */
    private static JsonValue conditions(int count) {
        JsonObjectBuilder filter = Json.createObjectBuilder();
        for (int i = 0; i < count; i++) {
            filter.add("missing" + i, Json.createObjectBuilder().add("$exists", false));
        }
        return filter.build();
    }
}
