package dev.automations.event.control;

import dev.automations.automation.control.AutomationView;
import dev.automations.chat.control.ChatBridge;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.filter.Filter;
import dev.automations.filter.FilterResult;
import dev.automations.filter.LabelPaths;
import dev.automations.platform.entity.JsonText;
import dev.automations.trigger.control.TriggerRules;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a verified payload becomes (§6 steps 6–7), for deliveries, cron firings, replays and the dry run alike:
 * filtered, or matched with its labels — pending, or preview with the chat that would be continued.
 */
final class Judgement {

    private Judgement() {
    }

    /**
     * A payload under a filter and label paths: whether the filter held and, only then, the labels (null for no label
     * paths, §8).
     */
    record Verdict(FilterResult filter, Map<String, String> labels) {

        /** @param labelPaths asked for only when the filter holds: a filtered payload has no labels to resolve */
        static Verdict of(Filter filter, Supplier<LabelPaths> labelPaths, JsonValue payload, Map<String, String> headers) {
            FilterResult result = filter.evaluate(payload, headers);
            return new Verdict(result, result.matched() ? labelPaths.get().resolve(payload, headers) : null);
        }

        /** The chat that firing would continue (§9 step 3): none without labels. */
        Optional<UUID> chatToContinue(ChatBridge bridge, UUID ownerId) {
            return labels == null ? Optional.empty() : bridge.chatToContinue(ownerId, labels);
        }
    }

    /** @param payload the whole parsed body (even when only a stub is stored), or null for a body that is not JSON */
    static AutomationEvent judge(AutomationView automation, TriggerRules trigger, JsonValue payload, Map<String, String> headers,
                                 Verified verified, Instant now, ChatBridge bridge) {
        Verdict verdict = Verdict.of(ParsedRules.filter(trigger.filter()), () -> ParsedRules.labelPaths(trigger.labelPaths()),
                payload, headers);
        return event(automation, trigger, verdict, verified, now, bridge);
    }

    /** A cron firing: cron triggers ignore {@code filter} (§10), so it always matches. */
    static AutomationEvent scheduled(AutomationView automation, TriggerRules trigger, JsonValue envelope, Verified verified,
                                     Instant now, ChatBridge bridge) {
        Verdict verdict = Verdict.of(ParsedRules.filter(null), () -> ParsedRules.labelPaths(trigger.labelPaths()), envelope, Map.of());
        return event(automation, trigger, verdict, verified, now, bridge);
    }

    private static AutomationEvent event(AutomationView automation, TriggerRules trigger, Verdict verdict, Verified verified,
                                         Instant now, ChatBridge bridge) {
        if (!verdict.filter().matched()) {
            return AutomationEvent.filtered(automation.id(), trigger.id(), now, verified.deliveryId(),
                    verified.rawPayload(), verified.verifiedWith(), verdict.filter().reason());
        }
        AutomationEvent event = AutomationEvent.matched(automation.id(), trigger.id(), now, verified.deliveryId(),
                verified.rawPayload(), verified.verifiedWith(), stored(verdict.labels()));
        if (automation.inPreview()) {
            event.preview(verdict.chatToContinue(bridge, automation.ownerId()).orElse(null));
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
