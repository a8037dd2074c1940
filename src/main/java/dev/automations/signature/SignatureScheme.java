package dev.automations.signature;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** How a webhook sender proves it knows the trigger's secret (contract §5). */
public enum SignatureScheme {

    HMAC_SHA256("hmac-sha256", Secrets::hex, Secrets::noSchemeRule,
            HubSignature::read, Signer.hmacSha256(Secrets::utf8Key)),
    STANDARD_WEBHOOKS("standard-webhooks", Secrets::whsec, Secrets::whsecProblem,
            StandardWebhooksSignature::read, Signer.hmacSha256(Secrets::whsecKey)),
    // Stripe and Slack issue the secret themselves, so there is nothing for us to generate.
    STRIPE("stripe", null, Secrets::noSchemeRule,
            StripeSignature::read, Signer.hmacSha256(Secrets::utf8Key)),
    SLACK("slack", null, Secrets::noSchemeRule,
            SlackSignature::read, Signer.hmacSha256(Secrets::utf8Key)),
    TOKEN("token", Secrets::hex, Secrets::tokenProblem,
            TokenHeader::read, TokenHeader::sign);

    public static final SignatureScheme DEFAULT = HMAC_SHA256;

    private final String wireName;
    private final Function<SecureRandom, String> generator;
    private final Function<String, Optional<String>> schemeRule;
    private final SchemeVerifier verifier;

    SignatureScheme(String wireName, Function<SecureRandom, String> generator,
            Function<String, Optional<String>> schemeRule, RequestReader reader, Signer signer) {
        this.wireName = wireName;
        this.generator = generator;
        this.schemeRule = schemeRule;
        this.verifier = new SchemeVerifier(reader, signer);
    }

    /** The name used in the API's {@code signature_scheme} field. */
    public String wireName() {
        return wireName;
    }

    public static Optional<SignatureScheme> fromWireName(String name) {
        return Arrays.stream(values()).filter(scheme -> scheme.wireName.equals(name)).findFirst();
    }

    /** False when the sender issues the secret, so a trigger must be given one. */
    public boolean generatesSecret() {
        return generator != null;
    }

    /** @throws IllegalStateException when {@link #generatesSecret()} is false */
    public String generateSecret(SecureRandom random) {
        if (generator == null) {
            throw new IllegalStateException(wireName + " secrets are issued by the sender");
        }
        return generator.apply(random);
    }

    /** Why a user-supplied secret can't be used with this scheme, empty when it can. Never repeats the secret. */
    public Optional<String> secretProblem(String secret) {
        return Secrets.lengthOrCharacterProblem(secret).or(() -> schemeRule.apply(secret));
    }

    /**
     * Checks a delivery against the trigger's secrets.
     *
     * @param secrets the current secret first, then the previous one while its grace period lasts
     * @param headers request headers; lookups must be case-insensitive (e.g. a {@code TreeMap} with
     *                {@link String#CASE_INSENSITIVE_ORDER})
     * @param now     the server's clock; a sender's timestamp may differ from it by at most 300 s either way
     */
    public Verification verify(List<String> secrets, byte[] body, Map<String, String> headers, Instant now) {
        return verifier.verify(secrets, body, headers, now);
    }
}
