package dev.automations.event.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.util.List;

/**
 * {@code automations_events_total{status}} (§14): every status an event takes, from the one it is recorded with
 * (pending, filtered, preview, error) to the one firing gives it (created, continued, rate_limited, error). Counted
 * once the transaction that set it commits, so a rolled-back firing is not counted.
 */
@ApplicationScoped
public class EventMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    Event<StatusesSet> set;

    /** Statuses set in the current transaction (or just set, outside one). */
    void counted(List<String> statuses) {
        set.fire(new StatusesSet(statuses));
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusesSet statuses) {
        statuses.statuses().forEach(status -> registry.counter("automations_events", new Tag("status", status)).inc());
    }

    record StatusesSet(List<String> statuses) {
    }
}
