package dev.automations.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * PBKDF2 through Jakarta Security, by default at OWASP's 2023 work factor for HMAC-SHA512. Each stored hash names its
 * own iteration count, so a changed {@code automations.password.iterations} applies to passwords set from then on, and
 * every stored one still verifies.
 */
@ApplicationScoped
public class Passwords {

    @Inject
    Pbkdf2PasswordHash hash;

    /**
     * The work factor for new hashes. The integration tests set Jakarta Security's floor, 1 024: they create hundreds of
     * users, and at 210 000 each creation and login cost the server about 0.2 s of CPU.
     */
    @Inject
    @ConfigProperty(name = "automations.password.iterations", defaultValue = "210000")
    int iterations;

    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        decoy = hash.generate("decoy password, never matches".toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }

    /** Spends the same time as a real check when there is no such user, so timing does not reveal which emails exist. */
    public void verifyDecoy(String password) {
        hash.verify(password.toCharArray(), decoy);
    }
}
