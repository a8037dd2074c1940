package dev.automations.secret.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Logger;

/**
 * On start, secrets sealed under a key other than the first configured one are sealed again under it (§13),
 * so an old key can be retired once every instance has started with the new list. Each feature's
 * {@link SealedSecrets} bean names its rows. All of them in one container transaction: a start that fails
 * half-way re-seals nothing, and the next start tries again.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SecretResealing {

    private static final Logger LOG = Logger.getLogger(SecretResealing.class.getName());

    @Inject
    @Any
    Instance<SealedSecrets<?>> features;

    @Inject
    SecretBox box;

    @PostConstruct
    void reseal() {
        // Not an overload of reseal(): Payara finds the @PostConstruct method by name and took the overload once.
        features.forEach(this::resealRowsOf);
    }

    private <T> void resealRowsOf(SealedSecrets<T> feature) {
        List<T> stale = feature.sealedUnderOtherKeys(box.primaryId());
        for (T row : stale) {
            try {
                feature.reseal(row, box);
            } catch (UnreadableSecretException e) {
                // One row whose key was dropped too early must not keep the whole service down; its secret stays
                // unusable until it is set again or the key is configured again.
                LOG.severe(() -> "Cannot re-seal the secret of " + feature.kind() + " " + feature.id(row) + ": " + e.getMessage());
            }
        }
        if (!stale.isEmpty()) {
            LOG.info(() -> "Re-sealed the secrets of " + stale.size() + " " + feature.kind() + "s under key " + box.primaryId());
        }
    }
}
