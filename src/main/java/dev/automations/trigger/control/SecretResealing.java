package dev.automations.trigger.control;

import dev.automations.trigger.entity.AutomationTrigger;
import dev.automations.trigger.entity.Sealed;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.logging.Logger;

/**
 * On start, secrets sealed under a key other than the first configured one are sealed again under it (§13),
 * so an old key can be retired once every instance has started with the new list. All of them in one
 * container transaction: a start that fails half-way re-seals nothing, and the next start tries again.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionAttribute(TransactionAttributeType.REQUIRED)
public class SecretResealing {

    private static final Logger LOG = Logger.getLogger(SecretResealing.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @PostConstruct
    void reseal() {
        List<AutomationTrigger> stale = em.createNamedQuery(AutomationTrigger.SEALED_UNDER_OTHER_KEYS, AutomationTrigger.class)
                .setParameter("primary", box.primaryId()).getResultList();
        for (AutomationTrigger trigger : stale) {
            Sealed previous = trigger.previousSecret();
            try {
                trigger.resealSecrets(box.rotate(trigger.secret()), previous == null ? null : box.rotate(previous));
            } catch (UnreadableSecretException e) {
                // One trigger whose key was dropped too early must not keep the whole service down; its deliveries
                // fail verification until its secret is regenerated or the key is configured again.
                LOG.severe(() -> "Cannot re-seal the secret of trigger " + trigger.id() + ": " + e.getMessage());
            }
        }
        if (!stale.isEmpty()) {
            LOG.info(() -> "Re-sealed the secrets of " + stale.size() + " triggers under key " + box.primaryId());
        }
    }
}
