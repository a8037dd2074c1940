package dev.automations.event.control;

import dev.automations.automation.control.AutomationLookup;
import dev.automations.automation.control.AutomationView;
import dev.automations.chat.control.ChatBridge;
import dev.automations.chat.control.ChatBridge.NewChat;
import dev.automations.chat.control.ChatBridgeException;
import dev.automations.chat.control.FiringMessage;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.event.entity.EventStatus;
import dev.automations.platform.control.Clock;
import dev.automations.platform.entity.JsonText;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hop 3 of firing, the last: fires pending events of one automation (§9) in one transaction. The automation's row lock serializes firings of
 * one automation across all instances: under it, the rolling-window counts are exact and an event still pending is
 * fired by nobody else, whether the after-commit hand-off or the recovery sweep gets there first.
 */
@Stateless
public class Firing {

    private static final Logger LOG = Logger.getLogger(Firing.class.getName());
    private static final Duration WINDOW = Duration.ofHours(1);
    private static final DateTimeFormatter TITLE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @PersistenceContext
    EntityManager em;

    @Inject
    ChatBridge bridge;

    @Inject
    AutomationLookup automations;

    @Inject
    EventMetrics metrics;

    /**
     * Its own container transaction whatever the caller's, so one group's failure never rolls back another's firing.
     * EJB demarcation, not CDI {@code @Transactional}: called from EJB timers and async methods, where the latter did
     * not give a real transaction on Payara, and the row lock was not held. The automation's lookup and the chat
     * bridge join this transaction.
     *
     * @param eventIds events of this automation; those no longer pending are skipped
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Saturation fire(UUID automationId, List<UUID> eventIds) {
        if (!automations.lock(automationId)) {
            return Saturation.OPEN;
        }
        AutomationView automation = automations.find(automationId).orElseThrow();
        Instant now = Clock.now();
        Window window = firedInWindow(automationId, now);
        if (window.noMessageLeft(automation)) {
            rateLimitAll(automation, eventIds, window, now);
            return Saturation.SATURATED;
        }
        List<AutomationEvent> pending = em.createNamedQuery(AutomationEvent.PENDING_OF_AUTOMATION, AutomationEvent.class)
                .setParameter("ids", eventIds).setParameter("automation", automationId).setParameter("pending", EventStatus.PENDING)
                .getResultList();
        Map<UUID, String> payloads = Payloads.of(em, pending.stream().map(AutomationEvent::id).toList());
        GroupChats chats = new GroupChats(bridge, automation.ownerId());
        List<EventStatus> outcomes = new ArrayList<>(pending.size());
        for (AutomationEvent event : pending) {
            fire(automation, event, payloads.get(event.id()), window, chats, now);
            outcomes.add(event.status());
        }
        metrics.counted(outcomes);
        return window.noMessageLeft(automation) ? Saturation.SATURATED : Saturation.OPEN;
    }

    /**
     * Whether the automation's hourly messages were used up when its group was fired: then every pending event is
     * rate-limited until the hour rolls on, whatever it holds, so its lane may hand over larger groups.
     */
    public enum Saturation { OPEN, SATURATED }

    /** The per-event loop's outcome for every event once no message is left, without reading a payload or a chat. */
    private void rateLimitAll(AutomationView automation, List<UUID> eventIds, Window window, Instant now) {
        int limited = em.createNamedQuery(AutomationEvent.RATE_LIMIT_PENDING).setParameter("limited", EventStatus.RATE_LIMITED)
                .setParameter("now", now).setParameter("reason", messageLimit(automation, window))
                .setParameter("ids", eventIds).setParameter("automation", automation.id()).setParameter("pending", EventStatus.PENDING)
                .executeUpdate();
        metrics.counted(Collections.nCopies(limited, EventStatus.RATE_LIMITED));
    }

    private static String messageLimit(AutomationView automation, Window window) {
        return "message rate limit exceeded: " + window.messages() + "/" + automation.maxMessagesPerHour() + " per hour";
    }

    private void fire(AutomationView automation, AutomationEvent event, String payload, Window window, GroupChats chats, Instant now) {
        if (window.noMessageLeft(automation)) {
            event.fired(EventStatus.RATE_LIMITED, now, null, null, messageLimit(automation, window));
            return;
        }
        Map<String, String> labels = labels(event);
        String message = FiringMessage.compose(automation.instructions(), automation.name(), event.triggerId(), event.id(),
                event.deliveryId(), payload);
        try {
            Optional<UUID> chat = chats.toContinue(labels);
            // A chat the bridge finds gone when appending is marked archived by it, so the next lookup passes it by.
            while (chat.isPresent() && !bridge.append(chat.get(), message, event.id())) {
                chats.gone(chat.get());
                chat = chats.toContinue(labels);
            }
            if (chat.isPresent()) {
                chats.took(chat.get(), labels, false);
                event.fired(EventStatus.CONTINUED, now, chat.get(), null, null);
                window.continued++;
            } else if (window.created >= automation.maxChatCreatesPerHour()) {
                event.fired(EventStatus.RATE_LIMITED, now, null, null,
                        "chat creation rate limit exceeded: " + window.created + "/" + automation.maxChatCreatesPerHour() + " per hour");
            } else {
                UUID created = bridge.create(new NewChat(automation.ownerId(), automation.organizationId(), automation.id(),
                        "[" + automation.name() + "] " + TITLE_TIME.format(now) + " UTC", labels, automation.modelConfigId(),
                        automation.mcpServerIds(), null), message, event.id());
                chats.took(created, labels, true);
                event.fired(EventStatus.CREATED, now, null, created, null);
                window.created++;
            }
        } catch (ChatBridgeException e) {
            // Recorded and committed: rolling back would leave the event pending for the sweep to send again and again.
            LOG.log(Level.WARNING, "Chat bridge refused event {0}: {1}", new Object[]{event.id(), e.getMessage()});
            event.fired(EventStatus.ERROR, now, null, null, e.getMessage());
        }
    }

    /** Chats created and continued by the automation in the last hour, counted on as this transaction fires more. */
    private static final class Window {
        long created;
        long continued;

        long messages() {
            return created + continued;
        }

        boolean noMessageLeft(AutomationView automation) {
            return messages() >= automation.maxMessagesPerHour();
        }
    }

    /** One count per status, each a range of the window index (V14): rate-limited events are never read. */
    private Window firedInWindow(UUID automation, Instant now) {
        Window window = new Window();
        window.created = firedSince(automation, EventStatus.CREATED, now.minus(WINDOW));
        window.continued = firedSince(automation, EventStatus.CONTINUED, now.minus(WINDOW));
        return window;
    }

    private long firedSince(UUID automation, EventStatus status, Instant since) {
        return em.createNamedQuery(AutomationEvent.FIRED_SINCE, Long.class).setParameter("automation", automation)
                .setParameter("status", status).setParameter("since", since).getSingleResult();
    }

    static Map<String, String> labels(AutomationEvent event) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (event.resolvedLabels() == null) {
            return labels;
        }
        JsonText.read(event.resolvedLabels()).asJsonObject().forEach((k, v) -> labels.put(k, ((JsonString) v).getString()));
        return labels;
    }
}
