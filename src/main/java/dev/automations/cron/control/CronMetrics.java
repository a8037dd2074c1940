package dev.automations.cron.control;

import dev.automations.metrics.control.Counter;
import dev.automations.metrics.control.Histogram;
import dev.automations.metrics.control.Registry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/** §14: {@code automations_cron_fires_total} and {@code automations_cron_lag_seconds} (firing time minus occurrence). */
@ApplicationScoped
public class CronMetrics {

    /** From a tick's usual delay (under 5 s) to occurrences fired late after an outage. */
    private static final double[] LAG_SECONDS = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600};

    @Inject
    Registry registry;

    private Counter fires;
    private Histogram lag;

    /** Created at startup, so its metrics are scraped at zero before their first event. */
    void createdAtStartup(@Observes Startup startup) {
    }

    @PostConstruct
    void register() {
        fires = registry.counter("automations_cron_fires_total", "Cron occurrences fired by this instance.");
        lag = registry.histogram("automations_cron_lag_seconds", "Firing time minus the occurrence's time.", LAG_SECONDS);
    }

    void fired(Instant occurrence, Instant firedAt) {
        fires.inc();
        lag.observe(Duration.between(occurrence, firedAt));
    }
}
