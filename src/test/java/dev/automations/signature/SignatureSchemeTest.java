package dev.automations.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureSchemeTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void wireNamesRoundTrip() {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            assertEquals(Optional.of(scheme), SignatureScheme.fromWireName(scheme.wireName()));
        }
        assertEquals("hmac-sha256", SignatureScheme.DEFAULT.wireName());
        assertEquals("standard-webhooks", SignatureScheme.STANDARD_WEBHOOKS.wireName());
        assertEquals(Optional.empty(), SignatureScheme.fromWireName("HMAC-SHA256"));
        assertEquals(Optional.empty(), SignatureScheme.fromWireName("sha1"));
        assertEquals(Optional.empty(), SignatureScheme.fromWireName(null));
    }

    @ParameterizedTest
    @EnumSource(names = {"HMAC_SHA256", "TOKEN"})
    void generatesSixtyFourLowerCaseHex(SignatureScheme scheme) {
        String secret = scheme.generateSecret(random);
        assertTrue(secret.matches("[0-9a-f]{64}"), secret);
        assertNotEquals(secret, scheme.generateSecret(random));
    }

    @Test
    void generatesWhsecOfThirtyTwoBytes() {
        String secret = SignatureScheme.STANDARD_WEBHOOKS.generateSecret(random);
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
        assertNotEquals(secret, SignatureScheme.STANDARD_WEBHOOKS.generateSecret(random));
    }

    @ParameterizedTest
    @EnumSource(names = {"STRIPE", "SLACK"})
    void senderIssuedSchemesGenerateNothing(SignatureScheme scheme) {
        assertFalse(scheme.generatesSecret());
        assertThrows(IllegalStateException.class, () -> scheme.generateSecret(random));
    }

    @ParameterizedTest
    @EnumSource(names = {"HMAC_SHA256", "STANDARD_WEBHOOKS", "TOKEN"})
    void generatedSecretsAreAcceptable(SignatureScheme scheme) {
        assertTrue(scheme.generatesSecret());
        for (int i = 0; i < 50; i++) {
            String secret = scheme.generateSecret(random);
            assertEquals(Optional.empty(), scheme.secretProblem(secret), secret);
        }
    }

    @ParameterizedTest
    @EnumSource
    void lengthAndCharacterRulesApplyToEveryScheme(SignatureScheme scheme) {
        String prefix = scheme == SignatureScheme.STANDARD_WEBHOOKS ? "whsec_" : "";
        assertTrue(scheme.secretProblem(null).isPresent());
        assertTrue(scheme.secretProblem("").isPresent());
        assertTrue(scheme.secretProblem(prefix + "x".repeat(15 - prefix.length())).isPresent());
        assertTrue(scheme.secretProblem(prefix + "A".repeat(257 - prefix.length())).isPresent());
        assertTrue(scheme.secretProblem(prefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAé").isPresent());
        assertTrue(scheme.secretProblem(prefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n").isPresent());
        assertTrue(scheme.secretProblem(prefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u007f").isPresent());
    }

    @ParameterizedTest
    @EnumSource(names = {"HMAC_SHA256", "STRIPE", "SLACK"})
    void anyPrintableSecretOfSixteenToTwoHundredFiftySixFitsPlainHmacSchemes(SignatureScheme scheme) {
        assertEquals(Optional.empty(), scheme.secretProblem("x".repeat(16)));
        assertEquals(Optional.empty(), scheme.secretProblem("~".repeat(256)));
        assertEquals(Optional.empty(), scheme.secretProblem("It's a Secret to Everybody"));
        assertEquals(Optional.empty(), scheme.secretProblem(" leading and trailing spaces "));
        assertEquals(Optional.empty(), scheme.secretProblem("whsec_test_secret"));
    }

    @Test
    void standardWebhooksSecretsAreWhsecBase64OfTwentyFourToSixtyFourBytes() {
        SignatureScheme scheme = SignatureScheme.STANDARD_WEBHOOKS;
        assertEquals(Optional.empty(), scheme.secretProblem(whsec(24)));
        assertEquals(Optional.empty(), scheme.secretProblem(whsec(64)));
        assertEquals(Optional.empty(), scheme.secretProblem(whsec(25).replace("=", "")), "padding is optional");
        assertTrue(scheme.secretProblem(whsec(23)).isPresent());
        assertTrue(scheme.secretProblem(whsec(65)).isPresent());
        assertTrue(scheme.secretProblem(whsec(32).substring("whsec_".length())).isPresent(), "prefix required");
        assertTrue(scheme.secretProblem("whsec_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!").isPresent());
        assertTrue(scheme.secretProblem("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS").isPresent(), "23 bytes");
    }

    @Test
    void tokensCannotStartOrEndWithASpace() {
        assertEquals(Optional.empty(), SignatureScheme.TOKEN.secretProblem("a token with inner spaces"));
        assertTrue(SignatureScheme.TOKEN.secretProblem(" 0123456789abcdef").isPresent());
        assertTrue(SignatureScheme.TOKEN.secretProblem("0123456789abcdef ").isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"short-secret", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!!", " padded token secret "})
    void problemsNeverRepeatTheSecret(String secret) {
        for (SignatureScheme scheme : SignatureScheme.values()) {
            scheme.secretProblem(secret).ifPresent(problem -> assertFalse(problem.contains(secret.strip()), problem));
        }
    }

    private String whsec(int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
