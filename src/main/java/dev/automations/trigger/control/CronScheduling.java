package dev.automations.trigger.control;

import dev.automations.automation.control.AutomationView;
import dev.automations.automation.control.StatusChanged;
import dev.automations.schedule.CronSchedule;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Keeps {@code next_fire_at} meaning "due at": null while the automation is disabled, so occurrences that fall
 * then are never fired and the due index holds only live triggers; on enabling, the next occurrence after that
 * moment (§10).
 */
@ApplicationScoped
public class CronScheduling {

    @PersistenceContext
    EntityManager em;

    /** A synchronous observer, so it writes in the transaction of the update that changed the status. */
    void onStatusChange(@Observes StatusChanged change) {
        if (!change.enabled() && !change.disabled()) {
            return;
        }
        em.createNamedQuery(AutomationTrigger.CRON_OF_AUTOMATION, AutomationTrigger.class).setParameter("automation", change.automationId())
                .getResultStream().forEach(t -> t.reschedule(t.cronSchedule(), change.enabled() ? next(t.cronSchedule(), change.at()) : null, change.at()));
    }

    /** The first occurrence after {@code now}, or null when the automation is disabled. */
    static Instant nextFor(AutomationView automation, CronSchedule schedule, Instant now) {
        return automation.disabled() ? null : schedule.nextAfter(now).orElseThrow();
    }

    private static Instant next(String schedule, Instant now) {
        return CronSchedule.parse(schedule).nextAfter(now).orElseThrow();
    }
}
