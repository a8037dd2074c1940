package dev.automations.event.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.automation.control.AutomationLookup;
import dev.automations.automation.control.AutomationView;
import dev.automations.automation.control.OwnedAutomation;
import dev.automations.chat.control.ChatBridge;
import dev.automations.platform.control.Clock;
import dev.automations.security.control.CurrentCaller;
import jakarta.inject.Inject;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.event.entity.EventPayload;
import dev.automations.event.entity.EventStatus;
import dev.automations.filter.Filter;
import dev.automations.filter.InvalidFilterException;
import dev.automations.filter.InvalidLabelPathsException;
import dev.automations.filter.LabelPaths;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.Patch;
import dev.automations.platform.entity.JsonText;
import dev.automations.platform.entity.WireName;
import dev.automations.trigger.control.TriggerLookup;
import dev.automations.trigger.control.TriggerRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** The event log of an automation and its dry run (§11). The first parameter is always the automation id. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Events {

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatBridge bridge;

    @Inject
    EventLog log;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    AutomationLookup automations;

    @Inject
    TriggerLookup triggers;

    public record TestRequest(JsonValue payload, JsonObject headers, JsonValue filter, JsonValue labelPaths, UUID triggerId) {
    }

    public record TestResult(boolean filterMatched, Map<String, String> resolvedLabels, UUID existingChatId,
                             boolean wouldCreateNewChat, String reason) {
    }

    @OwnedAutomation
    public List<EventView> list(UUID automation, String status, UUID triggerId, Page page) {
        EventStatus wanted = status == null ? null : WireName.find(EventStatus.class, status)
                .orElseThrow(() -> ApiException.invalidField("status", "must be one of " + WireName.all(EventStatus.class)));
        TypedQuery<AutomationEvent> query = em.createQuery("SELECT e FROM AutomationEvent e WHERE e.automationId = :automation"
                        + (wanted == null ? "" : " AND e.status = :status") + (triggerId == null ? "" : " AND e.triggerId = :trigger")
                        + " ORDER BY e.receivedAt DESC, e.id DESC", AutomationEvent.class)
                .setParameter("automation", automation);
        if (wanted != null) {
            query.setParameter("status", wanted);
        }
        if (triggerId != null) {
            query.setParameter("trigger", triggerId);
        }
        List<AutomationEvent> events = query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        Map<UUID, String> payloads = Payloads.of(em, events.stream().map(AutomationEvent::id).toList());
        return events.stream().map(e -> EventView.of(e, payloads.get(e.id()))).toList();
    }

    @OwnedAutomation
    public EventView get(UUID automation, UUID event) {
        return EventView.of(find(automation, event), Payloads.of(em, event));
    }

    private AutomationEvent find(UUID automation, UUID event) {
        AutomationEvent found = em.find(AutomationEvent.class, event);
        if (found == null || !found.automationId().equals(automation)) {
            throw ApiException.notFound();
        }
        return found;
    }

    /**
     * Runs a stored event's payload through its trigger's current filter and label paths, and then §9, as a new
     * event (§11). An event that failed its signature check was never authenticated, so it cannot be replayed.
     */
    @OwnedAutomation
    public EventView replay(UUID automation, UUID event) {
        AutomationEvent original = find(automation, event);
        if (!original.signatureVerified()) {
            throw ApiException.badRequest("Only events that passed the signature check can be replayed.", List.of());
        }
        AutomationView owner = automations.find(original.automationId()).orElseThrow();
        TriggerRules trigger = triggers.find(original.triggerId())
                .orElseThrow(() -> ApiException.badRequest("The event's trigger no longer exists.", List.of()));
        String received = Payloads.of(em, original.id());
        JsonValue payload = original.rawPayload() ? null : JsonText.read(received);
        AutomationEvent replayed = Judgement.judge(owner, trigger, payload, Map.of(),
                new Verified(null, received, original.rawPayload(), original.verifiedWith()), Clock.now(), bridge);
        log.append(new EventPayload(replayed, received));
        audit.record(caller.get().userId(), new Audited(Audited.REPLAY, "automation_event", replayed.id(), owner.name(),
                owner.organizationId(), Diff.of().change("replay_of", null, original.id()).build(), 201));
        return EventView.of(replayed, received);
    }

    /**
     * Evaluates a payload as a delivery would be, recording nothing. Filter and label paths come from the body
     * when it has them (even as null), otherwise from {@code trigger_id}.
     */
    @OwnedAutomation
    public TestResult test(UUID automation, Patch<TestRequest> request) {
        TestRequest body = request.values();
        if (!request.has("payload")) {
            throw ApiException.invalidField("payload", "is required");
        }
        TriggerRules trigger = body.triggerId() == null ? null : triggers.find(body.triggerId()).orElse(null);
        if (body.triggerId() != null && (trigger == null || !trigger.automationId().equals(automation))) {
            throw ApiException.invalidField("trigger_id", "no such trigger on this automation");
        }
        JsonValue filterJson = request.has("filter") ? body.filter() : trigger == null ? null : JsonText.read(trigger.filter());
        JsonValue labelJson = request.has("label_paths") ? body.labelPaths() : trigger == null ? null : JsonText.read(trigger.labelPaths());
        Map<String, String> headers = headers(body.headers());
        JsonValue payload = body.payload() == null ? JsonValue.NULL : body.payload();
        try {
            Judgement.Verdict verdict = Judgement.Verdict.of(Filter.parse(filterJson), () -> LabelPaths.parse(labelJson),
                    payload, headers);
            UUID owner = automations.find(automation).orElseThrow().ownerId();
            UUID existing = verdict.chatToContinue(bridge, owner).orElse(null);
            boolean matched = verdict.filter().matched();
            return new TestResult(matched, verdict.labels(), existing, matched && existing == null, verdict.filter().reason());
        } catch (InvalidFilterException e) {
            throw ApiException.invalidField("filter", e.getMessage());
        } catch (InvalidLabelPathsException e) {
            throw ApiException.invalidField("label_paths", e.getMessage());
        }
    }

    private static Map<String, String> headers(JsonObject headers) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (!(value instanceof JsonString text)) {
                    throw ApiException.invalidField("headers", "values must be strings");
                }
                map.put(name, text.getString());
            });
        }
        return map;
    }
}
