package dev.automations.signature;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The secret itself in {@code X-Gitlab-Token} or {@code Authorization: Bearer <token>}. Tokens are compared as SHA-256
 * digests so that the comparison takes the same time whatever the lengths, and the secret's length doesn't leak either.
 */
final class TokenHeader {

    static final String GITLAB = "X-Gitlab-Token";
    static final String AUTHORIZATION = "Authorization";
    private static final String BEARER = "Bearer ";

    private TokenHeader() {
    }

    static SignedRequest read(byte[] body, Map<String, String> headers) throws RejectedSignature {
        List<byte[]> tokens = new ArrayList<>();
        String gitlab = headers.get(GITLAB);
        if (gitlab != null) {
            tokens.add(Crypto.sha256(gitlab));
        }
        String authorization = headers.get(AUTHORIZATION);
        if (authorization != null) {
            // The auth scheme name is case-insensitive (RFC 9110).
            boolean bearer = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
            String token = bearer ? authorization.substring(BEARER.length()).strip() : "";
            if (!token.isEmpty()) {
                tokens.add(Crypto.sha256(token));
            } else if (gitlab == null) {
                throw HeaderValues.malformed(AUTHORIZATION);
            }
        }
        if (tokens.isEmpty()) {
            throw new RejectedSignature("missing " + GITLAB + " or " + AUTHORIZATION + " header");
        }
        return new SignedRequest(new byte[0], tokens, OptionalLong.empty());
    }

    static byte[] sign(String secret, byte[] ignoredMessage) {
        return Crypto.sha256(secret);
    }
}
