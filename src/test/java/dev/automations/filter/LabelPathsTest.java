package dev.automations.filter;

import static dev.automations.filter.Vectors.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelPathsTest {

    private static final Map<String, String> HEADERS = Vectors.headers(Map.of("X-GitHub-Event", "push"));

    @Test
    void keepsTheOrderOfTheLabelPaths() {
        Map<String, String> labels = LabelPaths.parse(json("{'z': 'b', 'a': 'header:x-github-event', 'm': 'c.0'}"))
                .resolve(json("{'b': 1.50, 'c': [true]}"), HEADERS);
        assertEquals(List.of(Map.entry("z", "1.50"), Map.entry("a", "push"), Map.entry("m", "true")),
                List.copyOf(labels.entrySet()));
    }

    @Test
    void cutsValuesToTwoHundredFiftySixCharactersWithoutSplittingOne() {
        String emoji = "\uD83D\uDE00";
        JsonValue payload = Json.createObjectBuilder()
                .add("long", "x".repeat(255) + emoji + "tail")
                .add("exact", emoji.repeat(256))
                .build();
        Map<String, String> labels = LabelPaths.parse(json("{'long': 'long', 'exact': 'exact'}")).resolve(payload, HEADERS);
        assertEquals("x".repeat(255) + emoji, labels.get("long"));
        assertEquals(emoji.repeat(256), labels.get("exact"));
    }

    @Test
    void aNulCharacterInAValueBecomesTheReplacementCharacter() {
        JsonValue payload = Json.createObjectBuilder().add("a", "x\u0000y").build();
        assertEquals(Map.of("a", "x\uFFFDy"), LabelPaths.parse(json("{'a': 'a'}")).resolve(payload, HEADERS));
    }

    @Test
    void rawBodiesYieldOnlyHeaderLabels() {
        Map<String, String> labels = LabelPaths.parse(json("{'event': 'header:X-GitHub-Event', 'action': 'action'}"))
                .resolve(null, HEADERS);
        assertEquals(Map.of("event", "push"), labels);
    }

    @Test
    void noLabelPathsResolveToNoLabels() {
        assertNull(LabelPaths.parse(null).resolve(json("{'a': 1}"), HEADERS));
        assertNull(LabelPaths.parse(json("{}")).resolve(json("{'a': 1}"), HEADERS));
    }

    @Test
    void acceptsSixteenEntriesAndKeysOfSixtyFourCharacters() {
        LabelPaths.parse(entries(16));
        String key = "Az09_.:/-".repeat(8).substring(0, 64);
        assertEquals(Map.of(key, "1"), LabelPaths.parse(Json.createObjectBuilder().add(key, "a").build())
                .resolve(json("{'a': 1}"), HEADERS));
        assertEquals("label_paths", assertThrows(InvalidLabelPathsException.class, () -> LabelPaths.parse(entries(17))).key());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ['a']                   | label_paths
            'a'                     | label_paths
            {'': 'a'}               | ''
            {'with space': 'a'}     | with space
            {'ü': 'a'}              | ü
            {'ok': 'a', 'n': 1}     | n
            {'n': null}             | n
            {'bad': 'a..b'}         | bad
            {'bad': '$.a[?('}       | bad
            {'bad': 'header:'}      | bad
            """)
    void refusesLabelPathsThatCannotBeUsed(String labelPaths, String key) {
        InvalidLabelPathsException e = assertThrows(InvalidLabelPathsException.class, () -> LabelPaths.parse(json(labelPaths)));
        assertEquals(key.equals("''") ? "" : key, e.key());
        assertTrue(e.getMessage().startsWith(e.key() + ": "), e::getMessage);
    }

    @Test
    void refusesKeysLongerThanSixtyFourCharacters() {
        String key = "k".repeat(65);
        JsonValue labelPaths = Json.createObjectBuilder().add(key, "a").build();
        assertEquals(key, assertThrows(InvalidLabelPathsException.class, () -> LabelPaths.parse(labelPaths)).key());
    }

    private static JsonValue entries(int count) {
        JsonObjectBuilder paths = Json.createObjectBuilder();
        for (int i = 0; i < count; i++) {
            paths.add("k" + i, "a" + i);
        }
        return paths.build();
    }
}
