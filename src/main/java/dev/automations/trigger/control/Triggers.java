package dev.automations.trigger.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.automation.control.AutomationLookup;
import dev.automations.automation.control.AutomationView;
import dev.automations.automation.control.OwnedAutomation;
import dev.automations.schedule.CronSchedule;
import dev.automations.schedule.InvalidScheduleException;
import dev.automations.filter.Filter;
import dev.automations.filter.InvalidFilterException;
import dev.automations.filter.InvalidLabelPathsException;
import dev.automations.filter.LabelPaths;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.FieldError;
import dev.automations.platform.control.Patch;
import dev.automations.platform.entity.JsonText;
import dev.automations.security.control.CurrentCaller;
import dev.automations.trigger.control.TriggerFields.NewSecret;
import dev.automations.trigger.control.TriggerFields.NewTrigger;
import dev.automations.trigger.control.TriggerFields.TriggerChanges;
import dev.automations.secret.control.SecretBox;
import dev.automations.trigger.entity.AutomationTrigger;
import dev.automations.signature.SignatureScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Triggers (§5), reached only through their automation; every method's first parameter is the automation id. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Triggers {

    static final int MAX_PER_AUTOMATION = 20;
    static final int NEXT_RUN_TIMES = 5;
    private static final String RESOURCE = "automation_trigger";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    AutomationLookup automations;

    @OwnedAutomation
    public TriggerView create(UUID automation, NewTrigger request) {
        automations.lock(automation);
        AutomationView owner = automations.find(automation).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        String filter = filter(request.filter(), errors);
        String labels = labelPaths(request.labelPaths(), errors);
        Instant now = Clock.now();
        AutomationTrigger trigger = null;
        String secret = null;
        if (AutomationTrigger.WEBHOOK.equals(request.type())) {
            if (request.cronSchedule() != null) {
                errors.add(new FieldError("cron_schedule", "webhook triggers have no schedule"));
            }
            SignatureScheme scheme = scheme(request.signatureScheme(), errors);
            secret = scheme == null ? null : secret(scheme, request.webhookSecret(), errors);
            if (errors.isEmpty()) {
                trigger = AutomationTrigger.webhook(owner.id(), scheme.wireName(), box.seal(secret), now);
            }
        } else if (AutomationTrigger.CRON.equals(request.type())) {
            if (request.signatureScheme() != null) {
                errors.add(new FieldError("signature_scheme", "cron triggers have no signature scheme"));
            }
            if (request.webhookSecret() != null) {
                errors.add(new FieldError("webhook_secret", "cron triggers have no secret"));
            }
            CronSchedule schedule = schedule(request.cronSchedule(), errors);
            if (errors.isEmpty()) {
                trigger = AutomationTrigger.cron(owner.id(), schedule.expression(), CronScheduling.nextFor(owner, schedule, now), now);
            }
        } else {
            errors.add(new FieldError("type", "must be webhook or cron"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        long count = em.createNamedQuery(AutomationTrigger.COUNT_OF_AUTOMATION, Long.class).setParameter("automation", owner.id()).getSingleResult();
        if (count >= MAX_PER_AUTOMATION) {
            throw ApiException.conflict("An automation has at most " + MAX_PER_AUTOMATION + " triggers.");
        }
        trigger.filterWith(filter, now);
        trigger.labelWith(labels, now);
        em.persist(trigger);
        Diff diff = Diff.between(Map.of(), TriggerView.auditFields(trigger));
        if (secret != null) {
            diff.secret("webhook_secret");
        }
        record(Audited.CREATE, owner, trigger, diff, 201);
        return view(trigger, secret);
    }

    @OwnedAutomation
    public List<TriggerView> list(UUID automation) {
        return em.createNamedQuery(AutomationTrigger.OF_AUTOMATION, AutomationTrigger.class)
                .setParameter("automation", automation).getResultStream()
                .map(t -> view(t, null)).toList();
    }

    @OwnedAutomation
    public TriggerView get(UUID automation, UUID trigger) {
        return view(find(automation, trigger), null);
    }

    @OwnedAutomation
    public TriggerView update(UUID automation, UUID trigger, Patch<TriggerChanges> patch) {
        AutomationTrigger found = find(automation, trigger);
        Map<String, Object> before = TriggerView.auditFields(found);
        List<FieldError> errors = new ArrayList<>();
        Instant now = Clock.now();
        TriggerChanges changes = patch.values();
        if (patch.has("filter")) {
            found.filterWith(filter(changes.filter(), errors), now);
        }
        if (patch.has("label_paths")) {
            found.labelWith(labelPaths(changes.labelPaths(), errors), now);
        }
        if (patch.has("cron_schedule")) {
            if (found.isWebhook()) {
                errors.add(new FieldError("cron_schedule", "webhook triggers have no schedule"));
            } else {
                CronSchedule schedule = schedule(changes.cronSchedule(), errors);
                if (schedule != null) {
                    found.reschedule(schedule.expression(), CronScheduling.nextFor(owner(found), schedule, now), now);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        record(Audited.WRITE, owner(found), found,
                Diff.between(before, TriggerView.auditFields(found)), 200);
        return view(found, null);
    }

    @OwnedAutomation
    public void delete(UUID automation, UUID trigger) {
        AutomationTrigger found = find(automation, trigger);
        em.remove(found);
        record(Audited.DELETE, owner(found), found,
                Diff.between(TriggerView.auditFields(found), Map.of()), 204);
    }

    @OwnedAutomation
    public TriggerView regenerateSecret(UUID automation, UUID trigger, NewSecret request) {
        AutomationTrigger found = find(automation, trigger);
        if (!found.isWebhook()) {
            throw ApiException.badRequest("Cron triggers have no secret.", List.of());
        }
        List<FieldError> errors = new ArrayList<>();
        String secret = secret(SignatureScheme.fromWireName(found.signatureScheme()).orElseThrow(), request.webhookSecret(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        Instant now = Clock.now();
        int grace = request.gracePeriodSeconds() == null ? 0 : request.gracePeriodSeconds();
        found.rotateSecret(box.seal(secret), now.plusSeconds(grace), now);
        Diff diff = Diff.of().secret("webhook_secret").change("previous_secret_expires_at", null, found.previousSecretExpiresAt());
        record(Audited.REGENERATE_SECRET, owner(found), found, diff, 200);
        return view(found, secret);
    }

    /** Nothing is stored: the schedule is only checked and its next occurrences computed. */
    public List<Instant> preview(String cronSchedule) {
        caller.get();
        List<FieldError> errors = new ArrayList<>();
        CronSchedule schedule = schedule(cronSchedule, errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        return schedule.next(Clock.now(), NEXT_RUN_TIMES);
    }

    private AutomationTrigger find(UUID automation, UUID trigger) {
        AutomationTrigger found = em.find(AutomationTrigger.class, trigger);
        if (found == null || !found.automationId().equals(automation)) {
            throw ApiException.notFound();
        }
        return found;
    }

    private AutomationView owner(AutomationTrigger trigger) {
        return automations.find(trigger.automationId()).orElseThrow();
    }

    private static TriggerView view(AutomationTrigger t, String secret) {
        List<Instant> next = t.isWebhook() ? null : CronSchedule.parse(t.cronSchedule()).next(Clock.now(), NEXT_RUN_TIMES);
        return TriggerView.of(t, secret, next);
    }

    private static SignatureScheme scheme(String name, List<FieldError> errors) {
        if (name == null) {
            return SignatureScheme.DEFAULT;
        }
        return SignatureScheme.fromWireName(name).orElseGet(() -> {
            errors.add(new FieldError("signature_scheme", "unknown scheme; known: hmac-sha256, standard-webhooks, stripe, slack, token"));
            return null;
        });
    }

    /** A user's secret must fit the scheme; without one, a scheme that issues its own secret needs it given. */
    private static String secret(SignatureScheme scheme, String given, List<FieldError> errors) {
        if (given != null) {
            scheme.secretProblem(given).ifPresent(problem -> errors.add(new FieldError("webhook_secret", problem)));
            return given;
        }
        if (!scheme.generatesSecret()) {
            errors.add(new FieldError("webhook_secret", "is required for " + scheme.wireName() + ": the sender issues it"));
            return null;
        }
        return scheme.generateSecret(RANDOM);
    }

    private static CronSchedule schedule(String text, List<FieldError> errors) {
        if (text == null) {
            errors.add(new FieldError("cron_schedule", "is required for cron triggers"));
            return null;
        }
        try {
            return CronSchedule.parse(text);
        } catch (InvalidScheduleException e) {
            errors.add(new FieldError("cron_schedule", e.getMessage()));
            return null;
        }
    }

    private static String filter(JsonValue filter, List<FieldError> errors) {
        try {
            Filter.parse(filter);
            return JsonText.write(filter);
        } catch (InvalidFilterException e) {
            errors.add(new FieldError("filter", e.getMessage()));
            return null;
        }
    }

    private static String labelPaths(JsonValue labelPaths, List<FieldError> errors) {
        try {
            LabelPaths.parse(labelPaths);
            return JsonText.write(labelPaths);
        } catch (InvalidLabelPathsException e) {
            errors.add(new FieldError("label_paths", e.getMessage()));
            return null;
        }
    }

    private void record(String action, AutomationView automation, AutomationTrigger trigger, Diff diff, int status) {
        audit.record(caller.get().userId(), new Audited(action, RESOURCE, trigger.id(), automation.name(),
                automation.organizationId(), diff.build(), status));
    }
}
