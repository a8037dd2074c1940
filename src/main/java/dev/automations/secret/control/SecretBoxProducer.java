package dev.automations.secret.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/** Keys from {@code automations.secret-keys}, or generated into the data dir on first start (§13). */
@ApplicationScoped
public class SecretBoxProducer {

    private static final Logger LOG = Logger.getLogger(SecretBoxProducer.class.getName());

    @Inject
    @ConfigProperty(name = "automations.secret-keys")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "automations.data-dir", defaultValue = "./data")
    String dataDir;

    @Produces
    @Singleton
    SecretBox secretBox() {
        Optional<SecretKeys> fromConfig = configured.filter(value -> !value.isBlank()).map(SecretKeys::parse);
        // A key file in the data dir is announced by a warning (SecretKeys); configured keys by this line.
        fromConfig.ifPresent(keys -> LOG.info(() -> "Sealing secrets under key '" + keys.primaryId() + "' of "
                + SecretKeys.CONFIG_KEY + " (" + String.join(", ", keys.ids()) + ")"));
        return new SecretBox(fromConfig.orElseGet(() -> SecretKeys.loadOrGenerate(Path.of(dataDir), LOG)));
    }
}
