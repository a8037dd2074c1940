package dev.automations.trigger.control;

import dev.automations.trigger.entity.AutomationTrigger;

import java.util.UUID;

/**
 * What the features above need of a trigger to judge a payload: whose it is, its filter and its label paths
 * (stored JSON, null when unset).
 */
public record TriggerRules(UUID id, UUID automationId, String filter, String labelPaths) {

    static TriggerRules of(AutomationTrigger t) {
        return new TriggerRules(t.id(), t.automationId(), t.filter(), t.labelPaths());
    }
}
