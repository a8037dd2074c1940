package dev.automations.platform.control;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UntrustedJsonTest {

    private static UntrustedJson.Invalid refused(String text) {
        return assertThrows(UntrustedJson.Invalid.class, () -> UntrustedJson.parse(new StringReader(text)));
    }

    @Test
    void nestingIsCappedBeforeTheParserRecurses() {
        String deepest = "[".repeat(UntrustedJson.MAX_DEPTH) + "]".repeat(UntrustedJson.MAX_DEPTH);
        assertEquals(deepest, UntrustedJson.parse(new StringReader(deepest)).toString());
        assertEquals("nested deeper than 512 levels", refused("[" + deepest + "]").getMessage());
        assertEquals("nested deeper than 512 levels", refused("[".repeat(100_000)).getMessage());
        assertEquals("nested deeper than 512 levels", refused("{\"a\":".repeat(1001) + "1" + "}".repeat(1001)).getMessage());
    }

    @Test
    void bracketsInsideStringsDoNotCount() {
        String text = "{\"a\":\"" + "[{".repeat(10_000) + "\\\"[\"}";
        assertEquals("[{".repeat(10_000) + "\"[", UntrustedJson.parse(new StringReader(text)).asJsonObject().getString("a"));
    }

    @Test
    void longNumbersAreRefusedButLongStringsOfDigitsAreNot() {
        String digits = "7".repeat(UntrustedJson.MAX_NUMBER_CHARS);
        assertEquals(digits, UntrustedJson.parse(new StringReader("[" + digits + "]")).asJsonArray().getJsonNumber(0).toString());
        assertEquals("a number is longer than 1000 characters", refused("[" + digits + "7]").getMessage());
        assertEquals(digits + "7", UntrustedJson.parse(new StringReader("[\"" + digits + "7\"]")).asJsonArray().getString(0));
    }

    @Test
    void everyParserFailureIsInvalidNeverSomethingElse() {
        assertEquals("a number is out of range", refused("{\"a\":1e2147483648}").getMessage());
        refused("{\"a\":");
        refused("{\"a\" 1}");
        refused("");
        refused("[1] [2]");
        refused("\"\\ud800");
    }
}
