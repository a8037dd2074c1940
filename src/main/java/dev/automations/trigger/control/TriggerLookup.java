package dev.automations.trigger.control;

import dev.automations.secret.control.SecretBox;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;

/** How the features above reach a trigger without a caller (deliveries, replays, dry runs): never as the entity. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TriggerLookup {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    public Optional<TriggerRules> find(UUID id) {
        return Optional.ofNullable(em.find(AutomationTrigger.class, id)).map(TriggerRules::of);
    }

    /** Empty for an unknown id and for a cron trigger: neither takes deliveries. */
    public Optional<WebhookTrigger> webhook(UUID id) {
        return Optional.ofNullable(em.find(AutomationTrigger.class, id)).filter(AutomationTrigger::isWebhook)
                .map(t -> new WebhookTrigger(t, box));
    }
}
