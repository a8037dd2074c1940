package dev.automations.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets the integration tests created, for {@link SecretsIT} (which runs last) to look for where no secret may be:
 * the server log, {@code /metrics}, the audit log and the database. For a token, only the part after the key id.
 */
final class KnownSecrets {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private KnownSecrets() {
    }

    static void add(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    /** A session or API token {@code <key id>-<secret>}: its id is shown in token lists; its secret never. */
    static void addToken(String token) {
        add(token.substring(token.indexOf('-') + 1));
    }

    static Set<String> all() {
        return Set.copyOf(SECRETS);
    }
}
