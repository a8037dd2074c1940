package dev.automations.secret.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals secrets for storage with AES-256-GCM (§13). Each value gets a fresh random 96-bit nonce, and the key id is
 * authenticated along with it, so a value relabelled to another key id fails to open even if both ids hold one key.
 */
public final class SecretBox {

    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeys keys;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(SecretKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    public Sealed seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String keyId = keys.primaryId();
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.primary(), keyId, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        return new Sealed(keyId, Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
    }

    /** @throws UnreadableSecretException if the key id is not configured or the value does not authenticate */
    public String open(Sealed sealed) {
        SecretKey key = keys.key(sealed.keyId()).orElseThrow(() -> new UnreadableSecretException(
                "Secret sealed with key '" + sealed.keyId() + "', which is not in " + SecretKeys.CONFIG_KEY));
        byte[] bytes = decode(sealed);
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(crypt(Cipher.DECRYPT_MODE, key, sealed.keyId(), nonce, ciphertext), StandardCharsets.UTF_8);
    }

    public String primaryId() {
        return keys.primaryId();
    }

    public boolean needsRotation(Sealed sealed) {
        return !sealed.keyId().equals(keys.primaryId());
    }

    /** @return the value sealed with the primary key; the same value if it already is */
    public Sealed rotate(Sealed sealed) {
        return needsRotation(sealed) ? seal(open(sealed)) : sealed;
    }

    private static byte[] decode(Sealed sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
            if (bytes.length >= NONCE_BYTES + TAG_BITS / Byte.SIZE) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // Reported below like a value too short: either way the stored value is not one this class wrote.
        }
        throw new UnreadableSecretException("Secret sealed with key '" + sealed.keyId() + "' is malformed");
    }

    private static byte[] crypt(int mode, SecretKey key, String keyId, byte[] nonce, byte[] input) {
        try {
            // A new Cipher per call: instances are stateful, and GCM refuses to reuse one for encryption anyway.
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new UnreadableSecretException("Secret sealed with key '" + keyId + "' fails authentication: altered, "
                    + "relabelled, or sealed with different key material under that id");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " unavailable", e);
        }
    }
}
