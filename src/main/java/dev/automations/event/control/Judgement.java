package dev.automations.event.control;

import dev.automations.automation.control.AutomationView;
import dev.automations.chat.control.ChatBridge;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.filter.FilterResult;
import dev.automations.platform.entity.JsonText;
import dev.automations.trigger.control.TriggerRules;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Map;

/**
 * What a verified payload becomes (§6 steps 6–7), for deliveries, cron firings and replays alike: filtered, or
 * matched with its labels — pending, or preview with the chat that would be continued.
 */
final class Judgement {

    private Judgement() {
    }

    /** @param payload the whole parsed body (even when only a stub is stored), or null for a body that is not JSON */
    static AutomationEvent judge(AutomationView automation, TriggerRules trigger, JsonValue payload, Map<String, String> headers,
                                 Verified verified, Instant now, ChatBridge bridge) {
        FilterResult result = ParsedRules.filter(trigger.filter()).evaluate(payload, headers);
        if (!result.matched()) {
            return AutomationEvent.filtered(automation.id(), trigger.id(), now, verified.deliveryId(), verified.payload(),
                    verified.rawPayload(), verified.verifiedWith(), result.reason());
        }
        return matched(automation, trigger, payload, headers, verified, now, bridge);
    }

    /** A payload that needs no filter (a matched delivery, or a cron firing, §10): its labels and status. */
    static AutomationEvent matched(AutomationView automation, TriggerRules trigger, JsonValue payload, Map<String, String> headers,
                                   Verified verified, Instant now, ChatBridge bridge) {
        Map<String, String> labels = ParsedRules.labelPaths(trigger.labelPaths()).resolve(payload, headers);
        AutomationEvent event = AutomationEvent.matched(automation.id(), trigger.id(), now, verified.deliveryId(), verified.payload(),
                verified.rawPayload(), verified.verifiedWith(), stored(labels));
        if (AutomationView.PREVIEW.equals(automation.status())) {
            event.preview(bridge.chatToContinue(automation.ownerId(), labels == null ? Map.of() : labels).orElse(null));
        }
        return event;
    }

    /** §8: no label paths give no labels (null), which differs from label paths that found nothing ({@code {}}). */
    static String stored(Map<String, String> labels) {
        if (labels == null) {
            return null;
        }
        var json = JsonText.JSON.createObjectBuilder();
        labels.forEach(json::add);
        return json.build().toString();
    }
}
