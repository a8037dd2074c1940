package dev.automations.secret.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretBoxTest {

    private static final String A = "a:" + TestKeys.randomKey();
    private static final String B = "b:" + TestKeys.randomKey();
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @ParameterizedTest
    @ValueSource(strings = {"", "x", SECRET, "ünïcode ✓ and a\nnewline"})
    void opensWhatItSealed(String plaintext) {
        SecretBox box = TestKeys.box(A);
        Sealed sealed = box.seal(plaintext);
        assertEquals("a", sealed.keyId());
        assertEquals(SecretBox.NONCE_BYTES + plaintext.getBytes(StandardCharsets.UTF_8).length + 16, bytes(sealed).length);
        assertEquals(plaintext, box.open(sealed));
    }

    /** Sealed by an independent AES-GCM implementation (Python cryptography), so the stored format is pinned. */
    @Test
    void opensTheDocumentedFormat() {
        SecretBox box = TestKeys.box("vector-1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        Sealed vector = new Sealed("vector-1", "oKGio6SlpqeoqaqrlSsfXyC/L3zeC0R8ZBWku1BOxYO7HyeddZnrRWOdbnu/j1Ps");
        assertEquals("s3cret-ünïcode ✓", box.open(vector));
        assertFalse(box.needsRotation(vector));
    }

    @Test
    void everySealUsesAFreshNonce() {
        SecretBox box = TestKeys.box(A);
        Set<String> ciphertexts = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] sealed = bytes(box.seal(SECRET));
            assertTrue(ciphertexts.add(Arrays.toString(sealed)));
            assertTrue(nonces.add(Arrays.toString(Arrays.copyOf(sealed, SecretBox.NONCE_BYTES))));
        }
    }

    @Test
    void anyAlteredByteFailsToOpen() {
        SecretBox box = TestKeys.box(A);
        byte[] original = bytes(box.seal(SECRET));
        for (int i = 0; i < original.length; i++) {
            byte[] altered = original.clone();
            altered[i] ^= 0x01;
            assertUnreadable(box, new Sealed("a", base64(altered)), "fails authentication");
        }
        assertUnreadable(box, new Sealed("a", base64(Arrays.copyOf(original, original.length - 1))), "fails authentication");
        assertUnreadable(box, new Sealed("a", base64(Arrays.copyOf(original, original.length + 1))), "fails authentication");
    }

    @Test
    void malformedValuesAreUnreadable() {
        SecretBox box = TestKeys.box(A);
        assertUnreadable(box, new Sealed("a", "not base64!"), "malformed");
        assertUnreadable(box, new Sealed("a", ""), "malformed");
        assertUnreadable(box, new Sealed("a", base64(new byte[SecretBox.NONCE_BYTES + 15])), "malformed");
    }

    @Test
    void aValueSealedWithAnOlderKeyOpensAndRotatesToThePrimary() {
        Sealed old = TestKeys.box(A).seal(SECRET);
        SecretBox rotated = TestKeys.box(B, A);
        assertEquals(SECRET, rotated.open(old));
        assertTrue(rotated.needsRotation(old));

        Sealed renewed = rotated.rotate(old);
        assertEquals("b", renewed.keyId());
        assertFalse(rotated.needsRotation(renewed));
        assertEquals(SECRET, rotated.open(renewed));
        assertEquals(SECRET, TestKeys.box(B).open(renewed));
        assertSame(renewed, rotated.rotate(renewed));
    }

    @Test
    void aKeyNoLongerConfiguredIsNamed() {
        Sealed sealed = TestKeys.box(A).seal(SECRET);
        assertUnreadable(TestKeys.box(B), sealed, "key 'a', which is not in automations.secret-keys");
    }

    /** Both ids hold the same key, so only the authenticated key id can tell them apart. */
    @Test
    void aRelabelledValueFailsToOpen() {
        String key = TestKeys.randomKey();
        SecretBox box = TestKeys.box("a:" + key, "b:" + key);
        Sealed sealed = box.seal(SECRET);
        assertUnreadable(box, new Sealed("b", sealed.ciphertext()), "fails authentication");
    }

    @Test
    void thePlaintextShowsNowhereInTheSealedValue() {
        Sealed sealed = TestKeys.box(A).seal(SECRET);
        String utf8Base64 = base64(SECRET.getBytes(StandardCharsets.UTF_8));
        for (String shown : List.of(sealed.ciphertext(), sealed.toString(), new String(bytes(sealed), StandardCharsets.ISO_8859_1))) {
            assertFalse(shown.contains(SECRET), shown);
            assertFalse(shown.contains(utf8Base64.substring(0, 16)), shown);
        }
        assertFalse(sealed.toString().contains(sealed.ciphertext()));
        assertTrue(sealed.toString().contains("keyId=a"), sealed.toString());
    }

    @Test
    void oneBoxServesManyThreads() throws Exception {
        SecretBox box = TestKeys.box(A);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Sealed>> sealing = IntStream.range(0, 400)
                    .mapToObj(i -> pool.submit(() -> box.seal(SECRET + i))).toList();
            Set<String> ciphertexts = new HashSet<>();
            for (int i = 0; i < sealing.size(); i++) {
                Sealed sealed = sealing.get(i).get();
                assertEquals(SECRET + i, box.open(sealed));
                assertTrue(ciphertexts.add(sealed.ciphertext()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertUnreadable(SecretBox box, Sealed sealed, String message) {
        UnreadableSecretException e = assertThrows(UnreadableSecretException.class, () -> box.open(sealed));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private static byte[] bytes(Sealed sealed) {
        return Base64.getDecoder().decode(sealed.ciphertext());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
