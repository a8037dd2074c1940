package dev.automations.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every vector of the shared spec's signatures.jsonl. */
class SignatureVectorsTest {

    /** The reason each rejected vector must give; vectors not listed only need some reason. */
    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("GH-3", "signature mismatch"),
            Map.entry("GH-4", "missing X-Hub-Signature-256 header"),
            Map.entry("GH-5", "malformed X-Hub-Signature-256 header"),
            Map.entry("GH-6", "malformed X-Hub-Signature-256 header"),
            Map.entry("GH-7", "malformed X-Hub-Signature-256 header"),
            Map.entry("GH-9", "signature mismatch"),
            Map.entry("SW-3", "signature mismatch"),
            Map.entry("SW-5", "malformed webhook-signature header"),
            Map.entry("SW-6", "missing webhook-id header"),
            Map.entry("SW-7", "malformed webhook-timestamp header"),
            Map.entry("SW-8", "timestamp outside tolerance"),
            Map.entry("SW-9", "timestamp outside tolerance"),
            Map.entry("SW-10", "signature mismatch"),
            Map.entry("SW-12", "signature mismatch"),
            Map.entry("ST-3", "timestamp outside tolerance"),
            Map.entry("SL-2", "timestamp outside tolerance"),
            Map.entry("TK-3", "signature mismatch"));

    @TestFactory
    Stream<DynamicTest> vectors() throws IOException {
        return readVectors().stream().map(v -> DynamicTest.dynamicTest(name(v), () -> check(v)));
    }

    @Test
    void everySchemeHasVectors() throws IOException {
        List<JsonObject> vectors = readVectors();
        for (SignatureScheme scheme : SignatureScheme.values()) {
            assertTrue(vectors.stream().anyMatch(v -> v.getString("scheme").equals(scheme.wireName())), scheme.wireName());
        }
    }

    private static void check(JsonObject vector) {
        SignatureScheme scheme = SignatureScheme.fromWireName(vector.getString("scheme")).orElseThrow();
        String secret = vector.getString("secret");
        Verification result = verify(scheme, List.of(secret), vector);
        assertEquals(vector.getBoolean("valid"), result.valid(), () -> "reason: " + result.reason());
        if (result.valid()) {
            assertEquals(0, result.secretIndex());
            // The same delivery must also pass as the previous secret of a rotated trigger.
            String other = scheme.generatesSecret() ? scheme.generateSecret(new SecureRandom()) : "another-secret-0123456789";
            assertEquals(1, verify(scheme, List.of(other, secret), vector).secretIndex());
        } else {
            assertNotNull(result.reason());
            assertFalse(result.reason().contains(secret), "reason leaks the secret");
            if (REASONS.containsKey(vector.getString("id"))) {
                assertEquals(REASONS.get(vector.getString("id")), result.reason());
            }
        }
    }

    private static Verification verify(SignatureScheme scheme, List<String> secrets, JsonObject vector) {
        Map<String, String> headers = TestSigning.headers();
        vector.getJsonObject("headers").forEach((name, value) -> headers.put(name, ((JsonString) value).getString()));
        // Vectors without "now" carry no timestamp, so any clock will do.
        Instant now = vector.containsKey("now") ? Instant.ofEpochSecond(vector.getJsonNumber("now").longValueExact()) : Instant.now();
        return scheme.verify(secrets, TestSigning.utf8(vector.getString("body")), headers, now);
    }

    private static String name(JsonObject vector) {
        String note = vector.getString("why", vector.getString("source", ""));
        return vector.getString("id") + (vector.getBoolean("valid") ? " valid" : " invalid") + (note.isEmpty() ? "" : ": " + note);
    }

    private static List<JsonObject> readVectors() throws IOException {
        try (InputStream in = SignatureVectorsTest.class.getResourceAsStream("/vectors/signatures.jsonl")) {
            assertNotNull(in, "signatures.jsonl not on the classpath");
            List<JsonObject> vectors = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> Json.createReader(new StringReader(line)).readObject())
                    .toList();
            assertFalse(vectors.isEmpty());
            return vectors;
        }
    }
}
