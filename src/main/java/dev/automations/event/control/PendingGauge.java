package dev.automations.event.control;

import dev.automations.event.entity.EventStatus;
import dev.automations.metrics.control.Registry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

/**
 * {@code automations_pending_events} (§14): events committed but not yet fired, counted on each scrape through
 * the status index. A growing value means firing falls behind or the hand-off is failing.
 */
@ApplicationScoped
public class PendingGauge {

    @PersistenceContext
    EntityManager em;

    @Inject
    Registry registry;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge("automations_pending_events", "Events recorded but not yet fired.").track(this::count);
    }

    /** A scrape during a database outage reports "unknown" rather than failing the whole metrics page. */
    double count() {
        try {
            return em.createQuery("SELECT COUNT(e) FROM AutomationEvent e WHERE e.status = :pending", Long.class)
                    .setParameter("pending", EventStatus.PENDING).getSingleResult();
        } catch (PersistenceException e) {
            return Double.NaN;
        }
    }
}
