package dev.automations.security.control;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenFormatTest {

    @Test
    void generatedTokensHaveTheContractShapeAndAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String text = TokenFormat.generate().text();
            assertTrue(text.matches("[a-zA-Z0-9]{10}-[a-zA-Z0-9]{22}"), text);
            assertTrue(seen.add(text));
        }
    }

    @Test
    void parseRoundTripsAndRefusesOtherShapes() {
        TokenFormat.Token token = TokenFormat.generate();
        assertEquals(token, TokenFormat.parse(token.text()).orElseThrow());
        for (String bad : new String[] {null, "", "abc", "AAAAAAAAAA-BBBBBBBBBBBBBBBBBBBBB", "AAAAAAAAAAA-BBBBBBBBBBBBBBBBBBBBBB",
                "AAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBB", "AAAAAAAAA!-BBBBBBBBBBBBBBBBBBBBBB"}) {
            assertTrue(TokenFormat.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void onlyTheSha256OfTheSecretIsKeptAndItMatchesOnlyThatSecret() {
        TokenFormat.Token token = new TokenFormat.Token("AAAAAAAAAA", "abcdefghijklmnopqrstuv");
        assertEquals(64, token.hashedSecret().length());
        assertFalse(token.hashedSecret().contains(token.secret()));
        assertTrue(TokenFormat.matches(token, token.hashedSecret()));
        assertFalse(TokenFormat.matches(new TokenFormat.Token("AAAAAAAAAA", "abcdefghijklmnopqrstuw"), token.hashedSecret()));
    }

    @Test
    void hashIsSha256Hex() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", TokenFormat.hash("abc"));
    }
}
