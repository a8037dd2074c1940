package dev.automations.event.control;

import dev.automations.event.entity.EventStatus;
import dev.automations.metrics.control.Counter;
import dev.automations.metrics.control.Registry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.List;

/**
 * {@code automations_events_total{status}} (§14): every status an event takes, from the one it is recorded with
 * (pending, filtered, preview, error) to the one firing gives it (created, continued, rate_limited, error). Counted
 * once the transaction that set it commits, so a rolled-back firing is not counted.
 */
@ApplicationScoped
public class EventMetrics {

    @Inject
    Registry registry;

    @Inject
    Event<StatusesSet> set;

    private Counter events;

    /** Created at startup, so the family is on the metrics page before the first event. */
    void createdAtStartup(@Observes Startup startup) {
    }

    @PostConstruct
    void register() {
        events = registry.counter("automations_events_total", "Statuses events took, counted when they commit.", "status");
    }

    /** Statuses set in the current transaction (or just set, outside one). */
    void counted(List<EventStatus> statuses) {
        set.fire(new StatusesSet(statuses.stream().map(EventStatus::wire).toList()));
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatusesSet statuses) {
        statuses.statuses().forEach(events::inc);
    }

    record StatusesSet(List<String> statuses) {
    }
}
