package dev.automations.trigger.entity;

import dev.automations.secret.control.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook or cron trigger. A webhook's secret exists here only sealed (AES-256-GCM) beside its key id;
 * during a grace period the previous sealed secret is kept until it expires.
 */
@Entity
@Table(name = "automation_triggers")
@NamedQuery(name = AutomationTrigger.OF_AUTOMATION,
        query = "SELECT t FROM AutomationTrigger t WHERE t.automationId = :automation ORDER BY t.createdAt, t.id")
@NamedQuery(name = AutomationTrigger.COUNT_OF_AUTOMATION,
        query = "SELECT COUNT(t) FROM AutomationTrigger t WHERE t.automationId = :automation")
@NamedQuery(name = AutomationTrigger.CRON_OF_AUTOMATION,
        query = "SELECT t FROM AutomationTrigger t WHERE t.automationId = :automation AND t.type = 'cron'")
@NamedQuery(name = AutomationTrigger.SEALED_UNDER_OTHER_KEYS,
        query = "SELECT t FROM AutomationTrigger t WHERE t.secretKeyId <> :primary OR t.previousSecretKeyId <> :primary")
@NamedQuery(name = AutomationTrigger.FIRED,
        query = "UPDATE AutomationTrigger t SET t.nextFireAt = :next, t.lastTriggeredAt = :now WHERE t.id IN :ids")
public class AutomationTrigger {

    public static final String OF_AUTOMATION = "AutomationTrigger.ofAutomation";
    public static final String COUNT_OF_AUTOMATION = "AutomationTrigger.countOfAutomation";
    public static final String CRON_OF_AUTOMATION = "AutomationTrigger.cronOfAutomation";
    /**
     * Claimed occurrences (§10): when they fired, and the next one after that, for triggers locked by the claim that
     * share that next occurrence; as one statement, so a claim builds no trigger entity.
     */
    public static final String FIRED = "AutomationTrigger.fired";
    public static final String SEALED_UNDER_OTHER_KEYS = "AutomationTrigger.sealedUnderOtherKeys";
    public static final String WEBHOOK = "webhook";
    public static final String CRON = "cron";

    @Id
    private UUID id;
    @Column(name = "automation_id")
    private UUID automationId;
    private String type;
    @Column(name = "signature_scheme")
    private String signatureScheme;
    @Column(name = "secret_key_id")
    private String secretKeyId;
    @Column(name = "secret_sealed")
    private String secretSealed;
    @Column(name = "previous_secret_key_id")
    private String previousSecretKeyId;
    @Column(name = "previous_secret_sealed")
    private String previousSecretSealed;
    @Column(name = "secret_rotated_at")
    private Instant secretRotatedAt;
    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;
    @Column(name = "cron_schedule")
    private String cronSchedule;
    @Column(name = "next_fire_at")
    private Instant nextFireAt;
    @Column(name = "last_triggered_at")
    private Instant lastTriggeredAt;
    private String filter;
    @Column(name = "label_paths")
    private String labelPaths;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected AutomationTrigger() {
    }

    private AutomationTrigger(UUID automationId, String type, Instant now) {
        this.id = UUID.randomUUID();
        this.automationId = automationId;
        this.type = type;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static AutomationTrigger webhook(UUID automationId, String signatureScheme, Sealed secret, Instant now) {
        AutomationTrigger trigger = new AutomationTrigger(automationId, WEBHOOK, now);
        trigger.signatureScheme = signatureScheme;
        trigger.secretKeyId = secret.keyId();
        trigger.secretSealed = secret.ciphertext();
        return trigger;
    }

    public static AutomationTrigger cron(UUID automationId, String schedule, Instant nextFireAt, Instant now) {
        AutomationTrigger trigger = new AutomationTrigger(automationId, CRON, now);
        trigger.reschedule(schedule, nextFireAt, now);
        return trigger;
    }

    /** The old secret keeps verifying until {@code previousExpiresAt}; without a grace period it is dropped at once. */
    public void rotateSecret(Sealed secret, Instant previousExpiresAt, Instant now) {
        if (!isWebhook()) {
            throw new IllegalStateException("only webhook triggers have secrets");
        }
        boolean grace = previousExpiresAt != null && previousExpiresAt.isAfter(now);
        previousSecretKeyId = grace ? secretKeyId : null;
        previousSecretSealed = grace ? secretSealed : null;
        previousSecretExpiresAt = grace ? previousExpiresAt : null;
        secretKeyId = secret.keyId();
        secretSealed = secret.ciphertext();
        secretRotatedAt = now;
        updatedAt = now;
    }

    /** Re-sealing under the current key changes how the secret is stored, not the secret. */
    public void resealSecrets(Sealed current, Sealed previous) {
        secretKeyId = current.keyId();
        secretSealed = current.ciphertext();
        if (previous != null) {
            previousSecretKeyId = previous.keyId();
            previousSecretSealed = previous.ciphertext();
        }
    }

    /** {@code next} is null while the automation is disabled: no occurrence is due then (§10). */
    public void reschedule(String schedule, Instant next, Instant now) {
        if (isWebhook()) {
            throw new IllegalStateException("only cron triggers have schedules");
        }
        cronSchedule = schedule;
        nextFireAt = next;
        updatedAt = now;
    }

    public void filterWith(String filterJson, Instant now) {
        filter = filterJson;
        updatedAt = now;
    }

    public void labelWith(String labelPathsJson, Instant now) {
        labelPaths = labelPathsJson;
        updatedAt = now;
    }

    public boolean isWebhook() {
        return WEBHOOK.equals(type);
    }

    public UUID id() {
        return id;
    }

    public UUID automationId() {
        return automationId;
    }

    public String type() {
        return type;
    }

    public String signatureScheme() {
        return signatureScheme;
    }

    public Sealed secret() {
        return secretSealed == null ? null : new Sealed(secretKeyId, secretSealed);
    }

    public Sealed previousSecret() {
        return previousSecretSealed == null ? null : new Sealed(previousSecretKeyId, previousSecretSealed);
    }

    public Instant secretRotatedAt() {
        return secretRotatedAt;
    }

    public Instant previousSecretExpiresAt() {
        return previousSecretExpiresAt;
    }

    public String cronSchedule() {
        return cronSchedule;
    }

    public Instant nextFireAt() {
        return nextFireAt;
    }

    public Instant lastTriggeredAt() {
        return lastTriggeredAt;
    }

    public String filter() {
        return filter;
    }

    public String labelPaths() {
        return labelPaths;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
