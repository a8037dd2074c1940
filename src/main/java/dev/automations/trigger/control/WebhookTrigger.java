package dev.automations.trigger.control;

import dev.automations.signature.SignatureScheme;
import dev.automations.trigger.entity.AutomationTrigger;
import dev.automations.secret.control.Sealed;
import dev.automations.secret.control.SecretBox;
import dev.automations.secret.control.UnreadableSecretException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/** A webhook trigger as a delivery meets it. Its secrets are opened only when the delivery gets to verification. */
public final class WebhookTrigger {

    private static final Logger LOG = Logger.getLogger(WebhookTrigger.class.getName());

    private final AutomationTrigger trigger;
    private final SecretBox box;

    WebhookTrigger(AutomationTrigger trigger, SecretBox box) {
        this.trigger = trigger;
        this.box = box;
    }

    public TriggerRules rules() {
        return TriggerRules.of(trigger);
    }

    public SignatureScheme scheme() {
        return SignatureScheme.fromWireName(trigger.signatureScheme()).orElseThrow();
    }

    /**
     * The current secret first, then the previous one while its grace period lasts (§5), in clear for this one
     * verification. A secret under a key this instance does not have is left out, so the delivery is recorded as
     * failing verification instead of a 500.
     */
    public List<String> secrets(Instant now) {
        List<Sealed> sealed = new ArrayList<>(2);
        sealed.add(trigger.secret());
        if (trigger.previousSecret() != null && trigger.previousSecretExpiresAt() != null && now.isBefore(trigger.previousSecretExpiresAt())) {
            sealed.add(trigger.previousSecret());
        }
        List<String> secrets = new ArrayList<>(2);
        for (Sealed s : sealed) {
            try {
                secrets.add(box.open(s));
            } catch (UnreadableSecretException e) {
                LOG.severe(() -> "Cannot open a secret of trigger " + trigger.id() + ": " + e.getMessage());
            }
        }
        return secrets;
    }
}
