package dev.automations.event.entity;

import dev.automations.platform.entity.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One delivery or firing (§11). What it received is its {@link EventPayload}. */
@Entity
@Table(name = "automation_events")
@NamedQuery(name = AutomationEvent.PENDING_OF_AUTOMATION,
        query = "SELECT e FROM AutomationEvent e WHERE e.id IN :ids AND e.automationId = :automation AND e.status = :pending "
                + "ORDER BY e.receivedAt, e.id")
@NamedQuery(name = AutomationEvent.FIRED_SINCE,
        query = "SELECT COUNT(e) FROM AutomationEvent e WHERE e.automationId = :automation AND e.status = :status "
                + "AND e.firedAt >= :since")
@NamedQuery(name = AutomationEvent.STALE_PENDING,
        query = "SELECT e.automationId, e.id, e.receivedAt FROM AutomationEvent e WHERE e.status = :pending "
                + "AND e.receivedAt < :before AND (e.receivedAt > :afterAt OR (e.receivedAt = :afterAt AND e.id > :afterId)) "
                + "ORDER BY e.receivedAt, e.id")
@NamedQuery(name = AutomationEvent.RATE_LIMIT_PENDING,
        query = "UPDATE AutomationEvent e SET e.status = :limited, e.firedAt = :now, e.error = :reason "
                + "WHERE e.id IN :ids AND e.automationId = :automation AND e.status = :pending")
@NamedQuery(name = AutomationEvent.BY_DELIVERY,
        query = "SELECT e.id FROM AutomationEvent e WHERE e.triggerId = :trigger AND e.deliveryId = :delivery")
public class AutomationEvent {

    public static final String BY_DELIVERY = "AutomationEvent.byDelivery";
    public static final String PENDING_OF_AUTOMATION = "AutomationEvent.pendingOfAutomation";
    public static final String FIRED_SINCE = "AutomationEvent.firedSince";
    /**
     * A page of the recovery sweep, after the last row of the previous one by (received_at, id): a page of events the
     * sweep leaves pending (failing, or in a lane) must not hide the events after it.
     */
    public static final String STALE_PENDING = "AutomationEvent.stalePending";
    /**
     * What {@link #fired} does to each pending event once the automation's hourly messages are used up, as one
     * statement: such an event needs neither its payload nor a chat, so none is read.
     */
    public static final String RATE_LIMIT_PENDING = "AutomationEvent.rateLimitPending";

    @Id
    private UUID id;
    @Column(name = "automation_id")
    private UUID automationId;
    @Column(name = "trigger_id")
    private UUID triggerId;
    @Column(name = "delivery_id")
    private String deliveryId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "raw_payload")
    private boolean rawPayload;
    @Column(name = "filter_matched")
    private boolean filterMatched;
    @Column(name = "resolved_labels")
    private String resolvedLabels;
    @Column(name = "matched_chat_id")
    private UUID matchedChatId;
    @Column(name = "created_chat_id")
    private UUID createdChatId;
    @Convert(converter = EventStatusConverter.class)
    private EventStatus status;
    private String error;
    private String reason;
    @Column(name = "signature_verified")
    private boolean signatureVerified;
    @Column(name = "verified_with")
    private String verifiedWith;
    @Column(name = "fired_at")
    private Instant firedAt;

    protected AutomationEvent() {
    }

    private AutomationEvent(UUID automationId, UUID triggerId, Instant receivedAt, EventStatus status) {
        this.id = TimeOrderedIds.at(receivedAt);
        this.automationId = automationId;
        this.triggerId = triggerId;
        this.receivedAt = receivedAt;
        this.status = status;
    }

    /** A delivery that failed before its payload could be judged: too large, or not signed by the trigger's secret. */
    public static AutomationEvent failed(UUID automationId, UUID triggerId, Instant receivedAt, String error, String reason) {
        AutomationEvent event = new AutomationEvent(automationId, triggerId, receivedAt, EventStatus.ERROR);
        event.error = error;
        event.reason = reason;
        return event;
    }

    /**
     * A verified delivery whose filter did not hold.
     *
     * @param verifiedWith which secret verified it ({@code current} or {@code previous}), null when there is none (cron)
     */
    public static AutomationEvent filtered(UUID automationId, UUID triggerId, Instant receivedAt, String deliveryId,
                                           boolean rawPayload, String verifiedWith, String reason) {
        AutomationEvent event = new AutomationEvent(automationId, triggerId, receivedAt, EventStatus.FILTERED);
        event.verify(deliveryId, rawPayload, verifiedWith);
        event.reason = reason;
        return event;
    }

    /** A verified delivery that matched: {@code pending} until fired, or {@code preview} for a preview automation. */
    public static AutomationEvent matched(UUID automationId, UUID triggerId, Instant receivedAt, String deliveryId,
                                          boolean rawPayload, String verifiedWith, String labels) {
        AutomationEvent event = new AutomationEvent(automationId, triggerId, receivedAt, EventStatus.PENDING);
        event.verify(deliveryId, rawPayload, verifiedWith);
        event.filterMatched = true;
        event.resolvedLabels = labels;
        return event;
    }

    /** A preview automation records what would have happened and sends nothing (§9). */
    public void preview(UUID chatThatWouldContinue) {
        status = EventStatus.PREVIEW;
        matchedChatId = chatThatWouldContinue;
    }

    /** The outcome of firing (§9); only a pending event is fired, once. */
    public void fired(EventStatus outcome, Instant at, UUID matchedChat, UUID createdChat, String failure) {
        if (status != EventStatus.PENDING) {
            throw new IllegalStateException("event " + id + " is not pending");
        }
        status = outcome;
        firedAt = at;
        matchedChatId = matchedChat;
        createdChatId = createdChat;
        error = failure;
    }

    private void verify(String deliveryId, boolean rawPayload, String verifiedWith) {
        this.deliveryId = deliveryId;
        this.rawPayload = rawPayload;
        this.signatureVerified = true;
        this.verifiedWith = verifiedWith;
    }

    public UUID id() {
        return id;
    }

    public UUID automationId() {
        return automationId;
    }

    public UUID triggerId() {
        return triggerId;
    }

    public String deliveryId() {
        return deliveryId;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public boolean rawPayload() {
        return rawPayload;
    }

    public boolean filterMatched() {
        return filterMatched;
    }

    public String resolvedLabels() {
        return resolvedLabels;
    }

    public UUID matchedChatId() {
        return matchedChatId;
    }

    public UUID createdChatId() {
        return createdChatId;
    }

    public EventStatus status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String reason() {
        return reason;
    }

    public Instant firedAt() {
        return firedAt;
    }

    public boolean signatureVerified() {
        return signatureVerified;
    }

    public String verifiedWith() {
        return verifiedWith;
    }
}
