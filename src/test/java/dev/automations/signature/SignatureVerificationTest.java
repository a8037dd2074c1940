package dev.automations.signature;

import static dev.automations.signature.TestSigning.headers;
import static dev.automations.signature.TestSigning.hmacHex;
import static dev.automations.signature.TestSigning.secretFor;
import static dev.automations.signature.TestSigning.signedHeaders;
import static dev.automations.signature.TestSigning.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignatureVerificationTest {

    private static final String BODY = "{\"action\":\"opened\"}";
    private static final long NOW = 1_800_000_000L;
    private static final Instant CLOCK = Instant.ofEpochSecond(NOW);

    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @EnumSource
    void previousSecretVerifiesDuringGracePeriod(SignatureScheme scheme) {
        String current = secretFor(scheme, random);
        String previous = secretFor(scheme, random);
        List<String> both = List.of(current, previous);

        assertEquals(Verification.verified(0), verify(scheme, both, signedHeaders(scheme, current, BODY, NOW)));
        assertEquals(Verification.verified(1), verify(scheme, both, signedHeaders(scheme, previous, BODY, NOW)));
        assertEquals(Verification.failed("signature mismatch"), verify(scheme, List.of(current), signedHeaders(scheme, previous, BODY, NOW)));
        assertEquals(Verification.failed("signature mismatch"), verify(scheme, both, signedHeaders(scheme, secretFor(scheme, random), BODY, NOW)));
    }

    @ParameterizedTest
    @EnumSource(names = {"STANDARD_WEBHOOKS", "STRIPE", "SLACK"})
    void timestampsMayBeThreeHundredSecondsOffEitherWay(SignatureScheme scheme) {
        String secret = secretFor(scheme, random);
        for (long offset : new long[] {-300, 0, 300}) {
            assertEquals(Verification.verified(0), verify(scheme, List.of(secret), signedHeaders(scheme, secret, BODY, NOW + offset)));
        }
        for (long offset : new long[] {-301, 301, -NOW}) {
            assertEquals(Verification.failed("timestamp outside tolerance"),
                    verify(scheme, List.of(secret), signedHeaders(scheme, secret, BODY, NOW + offset)));
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"STANDARD_WEBHOOKS", "STRIPE", "SLACK"})
    void signedTimestampsMustBePlainDigits(SignatureScheme scheme) {
        String secret = secretFor(scheme, random);
        Map<String, String> headers = signedHeaders(scheme, secret, BODY, NOW);
        headers.replaceAll((name, value) -> value.replace(Long.toString(NOW), "+" + NOW));
        assertFalse(verify(scheme, List.of(secret), headers).valid());
        assertEquals("malformed", verify(scheme, List.of(secret), headers).reason().split(" ")[0]);
    }

    @ParameterizedTest
    @EnumSource
    void bodyChangeIsAMismatch(SignatureScheme scheme) {
        if (scheme == SignatureScheme.TOKEN) {
            return; // a token does not cover the body
        }
        String secret = secretFor(scheme, random);
        Verification result = scheme.verify(List.of(secret), utf8(BODY + " "), signedHeaders(scheme, secret, BODY, NOW), CLOCK);
        assertEquals(Verification.failed("signature mismatch"), result);
    }

    @ParameterizedTest
    @EnumSource
    void headerNamesAreMatchedWhateverTheirCase(SignatureScheme scheme) {
        String secret = secretFor(scheme, random);
        Map<String, String> lower = headers();
        signedHeaders(scheme, secret, BODY, NOW).forEach((name, value) -> lower.put(name.toLowerCase(), value));
        assertEquals(Verification.verified(0), verify(scheme, List.of(secret), lower));
    }

    @ParameterizedTest
    @EnumSource
    void reasonsNeverContainTheSecretOrASignature(SignatureScheme scheme) {
        String secret = secretFor(scheme, random);
        Map<String, String> good = signedHeaders(scheme, secret, BODY, NOW);
        List<Map<String, String>> bad = new ArrayList<>();
        bad.add(signedHeaders(scheme, secretFor(scheme, random), BODY, NOW));
        Map<String, String> stale = signedHeaders(scheme, secret, BODY, NOW - 1000);
        if (!stale.equals(good)) { // only schemes that send a timestamp can be stale
            bad.add(stale);
        }
        bad.add(headers());
        Map<String, String> garbled = headers();
        good.forEach((name, value) -> garbled.put(name, value + "%"));
        bad.add(garbled);

        List<String> secretsAndSignatures = new ArrayList<>(List.of(secret, hmacHex(secret, BODY)));
        good.values().forEach(value -> secretsAndSignatures.add(value.replaceAll("^(sha256=|v0=|t=\\d+,v1=|v1,)", "")));
        for (Map<String, String> headers : bad) {
            Verification result = verify(scheme, List.of(secret), headers);
            assertFalse(result.valid());
            for (String sensitive : secretsAndSignatures) {
                assertFalse(sensitive.length() > 10 && result.reason().contains(sensitive), result.reason());
            }
        }
    }

    @Test
    void anyV1EntryMayMatchAndOtherVersionsAreIgnored() {
        SignatureScheme scheme = SignatureScheme.STANDARD_WEBHOOKS;
        String secret = secretFor(scheme, random);
        Map<String, String> headers = signedHeaders(scheme, secret, BODY, NOW);
        String good = headers.get("webhook-signature");
        String goodBase64 = good.substring("v1,".length());

        headers.put("webhook-signature", "v1a,xyz  v2," + goodBase64 + " v1,AAAA " + good + " ");
        assertEquals(Verification.verified(0), verify(scheme, List.of(secret), headers));

        headers.put("webhook-signature", "v2," + goodBase64 + " v1a," + goodBase64);
        assertEquals(Verification.failed("malformed webhook-signature header"), verify(scheme, List.of(secret), headers));
    }

    @Test
    void stripeHeaderNeedsOneTimestampAndAV1Signature() {
        SignatureScheme scheme = SignatureScheme.STRIPE;
        String secret = "whsec_test_secret";
        String v1 = hmacHex(secret, NOW + "." + BODY);

        assertEquals(Verification.verified(0), verify(scheme, List.of(secret), headers("Stripe-Signature", "t=" + NOW + ", v0=abc, v1=zz, v1=" + v1)));
        for (String malformed : List.of("t=" + NOW, "v1=" + v1, "t=" + NOW + ",v0=" + v1, "t=" + NOW + ",t=" + NOW + ",v1=" + v1,
                "t=abc,v1=" + v1, "t=" + NOW + ",v1=zz", "")) {
            assertEquals(Verification.failed("malformed Stripe-Signature header"),
                    verify(scheme, List.of(secret), headers("Stripe-Signature", malformed)), malformed);
        }
    }

    @Test
    void slackNeedsBothHeaders() {
        SignatureScheme scheme = SignatureScheme.SLACK;
        String secret = secretFor(scheme, random);
        Map<String, String> headers = signedHeaders(scheme, secret, BODY, NOW);

        Map<String, String> noTimestamp = headers("X-Slack-Signature", headers.get("X-Slack-Signature"));
        assertEquals(Verification.failed("missing X-Slack-Request-Timestamp header"), verify(scheme, List.of(secret), noTimestamp));
        Map<String, String> noSignature = headers("X-Slack-Request-Timestamp", Long.toString(NOW));
        assertEquals(Verification.failed("missing X-Slack-Signature header"), verify(scheme, List.of(secret), noSignature));
        Map<String, String> wrongVersion = headers("X-Slack-Request-Timestamp", Long.toString(NOW),
                "X-Slack-Signature", headers.get("X-Slack-Signature").replace("v0=", "v1="));
        assertEquals(Verification.failed("malformed X-Slack-Signature header"), verify(scheme, List.of(secret), wrongVersion));
    }

    @Test
    void tokenMayComeAsBearer() {
        SignatureScheme scheme = SignatureScheme.TOKEN;
        String secret = scheme.generateSecret(random);
        List<String> secrets = List.of(secret);

        assertEquals(Verification.verified(0), verify(scheme, secrets, headers("Authorization", "bearer " + secret)));
        assertEquals(Verification.verified(0), verify(scheme, secrets, headers("X-Gitlab-Token", "wrong", "Authorization", "Bearer " + secret)));
        assertEquals(Verification.verified(0), verify(scheme, secrets, headers("X-Gitlab-Token", secret, "Authorization", "Basic abc")));
        assertEquals(Verification.failed("signature mismatch"), verify(scheme, secrets, headers("X-Gitlab-Token", secret + "0")));
        assertEquals(Verification.failed("signature mismatch"), verify(scheme, secrets, headers("Authorization", "Bearer " + secret.toUpperCase())));
        assertEquals(Verification.failed("malformed Authorization header"), verify(scheme, secrets, headers("Authorization", "Basic " + secret)));
        assertEquals(Verification.failed("malformed Authorization header"), verify(scheme, secrets, headers("Authorization", "Bearer ")));
        assertEquals(Verification.failed("missing X-Gitlab-Token or Authorization header"), verify(scheme, secrets, headers()));
    }

    @Test
    void unusableSecretsAreSkippedAndReported() {
        SignatureScheme scheme = SignatureScheme.STANDARD_WEBHOOKS;
        String secret = scheme.generateSecret(random);
        Map<String, String> headers = signedHeaders(scheme, secret, BODY, NOW);

        assertEquals(Verification.verified(1), verify(scheme, List.of("not-a-whsec-secret", secret), headers));
        assertEquals(Verification.failed("no usable secret for this scheme"), verify(scheme, List.of("not-a-whsec-secret"), headers));
        assertEquals(Verification.failed("no usable secret for this scheme"), verify(SignatureScheme.DEFAULT, List.of(),
                signedHeaders(SignatureScheme.DEFAULT, secret, BODY, NOW)));
    }

    @Test
    void whsecKeyIsTheDecodedBytesNotTheString() {
        SignatureScheme scheme = SignatureScheme.STANDARD_WEBHOOKS;
        String secret = scheme.generateSecret(random);
        String signedWithString = Base64.getEncoder().encodeToString(TestSigning.hmac(utf8(secret), "msg_1." + NOW + "." + BODY));
        Map<String, String> headers = signedHeaders(scheme, secret, BODY, NOW);
        headers.put("webhook-signature", "v1," + signedWithString);
        assertEquals(Verification.failed("signature mismatch"), verify(scheme, List.of(secret), headers));
    }

    @Test
    void hubSignatureAcceptsEitherHexCase() {
        String secret = "test-secret-0123456789";
        String hex = hmacHex(secret, BODY);
        assertEquals(Verification.verified(0),
                verify(SignatureScheme.DEFAULT, List.of(secret), headers("X-Hub-Signature-256", "sha256=" + hex.toUpperCase())));
        assertEquals(Verification.failed("malformed X-Hub-Signature-256 header"),
                verify(SignatureScheme.DEFAULT, List.of(secret), headers("X-Hub-Signature-256", "sha256=")));
    }

    @Test
    void inconsistentVerificationsCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new Verification(true, -1, null));
        assertThrows(IllegalArgumentException.class, () -> new Verification(true, 0, "why"));
        assertThrows(IllegalArgumentException.class, () -> new Verification(false, 0, "why"));
        assertThrows(IllegalArgumentException.class, () -> new Verification(false, -1, null));
    }

    private static Verification verify(SignatureScheme scheme, List<String> secrets, Map<String, String> headers) {
        return scheme.verify(secrets, utf8(BODY), headers, CLOCK);
    }
}
