package dev.automations.trigger.control;

import dev.automations.secret.control.SealedSecrets;
import dev.automations.secret.control.SecretBox;
import dev.automations.secret.control.Sealed;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Webhook secrets, current and previous, for startup re-sealing. */
@ApplicationScoped
public class TriggerSecrets implements SealedSecrets<AutomationTrigger> {

    @PersistenceContext
    EntityManager em;

    @Override
    public String kind() {
        return "trigger";
    }

    @Override
    public List<AutomationTrigger> sealedUnderOtherKeys(String primaryKeyId) {
        return em.createNamedQuery(AutomationTrigger.SEALED_UNDER_OTHER_KEYS, AutomationTrigger.class)
                .setParameter("primary", primaryKeyId).getResultList();
    }

    @Override
    public Object id(AutomationTrigger trigger) {
        return trigger.id();
    }

    @Override
    public void reseal(AutomationTrigger trigger, SecretBox box) {
        Sealed previous = trigger.previousSecret();
        trigger.resealSecrets(box.rotate(trigger.secret()), previous == null ? null : box.rotate(previous));
    }
}
