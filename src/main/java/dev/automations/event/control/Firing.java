package dev.automations.event.control;

import dev.automations.automation.entity.Automation;
import dev.automations.chat.control.ChatBridge;
import dev.automations.chat.control.ChatBridge.NewChat;
import dev.automations.chat.control.FiringMessage;
import dev.automations.event.entity.AutomationEvent;
import dev.automations.platform.control.RowLock;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires a pending event (§9) in one transaction. The automation's row lock serializes firings of one automation
 * across all instances, so the rolling-window counts are exact; the conditional claim makes each event fire once,
 * whether the after-commit hand-off or the recovery sweep gets there first.
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

    /**
     * Its own container transaction whatever the caller's, so one event's failure never rolls back another's firing.
     * EJB demarcation, not CDI {@code @Transactional}: called from EJB timers and async methods, the latter did not
     * give a real transaction on Payara, and the row lock was not held.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void fire(UUID eventId) {
        AutomationEvent event = em.find(AutomationEvent.class, eventId);
        if (event == null || !AutomationEvent.PENDING.equals(event.status())) {
            return;
        }
        RowLock.lock(em, "automations", event.automationId());
        Automation automation = em.find(Automation.class, event.automationId());
        Instant now = Clock.now();
        int claimed = em.createNamedQuery(AutomationEvent.CLAIM).setParameter("now", now).setParameter("id", eventId).executeUpdate();
        if (automation == null || claimed == 0) {
            return;
        }
        em.refresh(event);
        Map<String, Long> fired = firedInWindow(automation.id(), now);
        long messages = fired.getOrDefault(AutomationEvent.CREATED, 0L) + fired.getOrDefault(AutomationEvent.CONTINUED, 0L);
        long creates = fired.getOrDefault(AutomationEvent.CREATED, 0L);
        if (messages >= automation.maxMessagesPerHour()) {
            event.fired(AutomationEvent.RATE_LIMITED, null, null,
                    "message rate limit exceeded: " + messages + "/" + automation.maxMessagesPerHour() + " per hour");
            return;
        }
        Map<String, String> labels = labels(event);
        String message = FiringMessage.compose(automation.instructions(), automation.name(), event.triggerId(), event.id(),
                event.deliveryId(), event.payload());
        try {
            Optional<UUID> chat = bridge.chatToContinue(automation.ownerId(), labels);
            if (chat.isPresent()) {
                bridge.append(chat.get(), message, event.id());
                event.fired(AutomationEvent.CONTINUED, chat.get(), null, null);
            } else if (creates >= automation.maxChatCreatesPerHour()) {
                event.fired(AutomationEvent.RATE_LIMITED, null, null,
                        "chat creation rate limit exceeded: " + creates + "/" + automation.maxChatCreatesPerHour() + " per hour");
            } else {
                UUID created = bridge.create(new NewChat(automation.ownerId(), automation.organizationId(), automation.id(),
                        "[" + automation.name() + "] " + TITLE_TIME.format(now) + " UTC", labels, automation.modelConfigId(),
                        automation.mcpServerIds(), null), message, event.id());
                event.fired(AutomationEvent.CREATED, null, created, null);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chat bridge failed for event " + eventId, e);
            event.fired(AutomationEvent.ERROR, null, null, "chat bridge failed: " + e.getClass().getSimpleName());
        }
    }

    private Map<String, Long> firedInWindow(UUID automation, Instant now) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Object[]> rows = em.createNamedQuery(AutomationEvent.FIRED_SINCE, Object[].class).setParameter("automation", automation)
                .setParameter("since", now.minus(WINDOW)).getResultList();
        rows.forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    static Map<String, String> labels(AutomationEvent event) {
        Map<String, String> labels = new LinkedHashMap<>();
        JsonText.read(event.resolvedLabels()).asJsonObject().forEach((k, v) -> labels.put(k, ((JsonString) v).getString()));
        return labels;
    }
}
