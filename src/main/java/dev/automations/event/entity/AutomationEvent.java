package dev.automations.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One delivery or firing (§11). Its payload is what was received, or a stub when that was too large. */
@Entity
@Table(name = "automation_events")
@NamedQuery(name = AutomationEvent.BY_DELIVERY,
        query = "SELECT e.id FROM AutomationEvent e WHERE e.triggerId = :trigger AND e.deliveryId = :delivery")
public class AutomationEvent {

    public static final String BY_DELIVERY = "AutomationEvent.byDelivery";
    public static final String PENDING = "pending";
    public static final String FILTERED = "filtered";
    public static final String PREVIEW = "preview";
    public static final String ERROR = "error";
    public static final List<String> STATUSES = List.of(PENDING, FILTERED, PREVIEW, "created", "continued", "rate_limited", ERROR);

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
    private String payload;
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
    private String status;
    private String error;
    private String reason;
    @Column(name = "signature_verified")
    private boolean signatureVerified;
    @Column(name = "verified_with")
    private String verifiedWith;

    protected AutomationEvent() {
    }

    private AutomationEvent(UUID automationId, UUID triggerId, Instant receivedAt, String payload, String status) {
        this.id = UUID.randomUUID();
        this.automationId = automationId;
        this.triggerId = triggerId;
        this.receivedAt = receivedAt;
        this.payload = payload;
        this.status = status;
        this.resolvedLabels = "{}";
    }

    /** A delivery that failed before its payload could be judged: too large, or not signed by the trigger's secret. */
    public static AutomationEvent failed(UUID automationId, UUID triggerId, Instant receivedAt, String payload, String error, String reason) {
        AutomationEvent event = new AutomationEvent(automationId, triggerId, receivedAt, payload, ERROR);
        event.error = error;
        event.reason = reason;
        return event;
    }

    /** A verified delivery whose filter did not hold. */
    public static AutomationEvent filtered(UUID automationId, UUID triggerId, Instant receivedAt, Verified verified, String reason) {
        AutomationEvent event = new AutomationEvent(automationId, triggerId, receivedAt, verified.payload(), FILTERED);
        event.verify(verified);
        event.reason = reason;
        return event;
    }

    /** A verified delivery that matched: {@code pending} until fired, or {@code preview} for a preview automation. */
    public static AutomationEvent matched(UUID automationId, UUID triggerId, Instant receivedAt, Verified verified, String labels, boolean preview) {
        AutomationEvent event = new AutomationEvent(automationId, triggerId, receivedAt, verified.payload(), preview ? PREVIEW : PENDING);
        event.verify(verified);
        event.filterMatched = true;
        event.resolvedLabels = labels;
        return event;
    }

    /** What signature verification established about a delivery. */
    public record Verified(String deliveryId, String payload, boolean rawPayload, String verifiedWith) {
    }

    private void verify(Verified verified) {
        deliveryId = verified.deliveryId();
        rawPayload = verified.rawPayload();
        signatureVerified = true;
        verifiedWith = verified.verifiedWith();
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

    public String payload() {
        return payload;
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

    public String status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String reason() {
        return reason;
    }

    public boolean signatureVerified() {
        return signatureVerified;
    }

    public String verifiedWith() {
        return verifiedWith;
    }
}
