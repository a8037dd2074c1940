package dev.automations.cron.control;

import dev.automations.platform.control.DurationTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Duration;
import java.time.Instant;

/** §14: {@code automations_cron_fires_total} and {@code automations_cron_lag_seconds} (firing time minus occurrence). */
@ApplicationScoped
public class CronMetrics {

    @Inject
    MetricRegistry registry;

    void fired(Instant occurrence, Instant firedAt) {
        registry.counter("automations_cron_fires").inc();
        DurationTimers.timer(registry, "automations_cron_lag").update(Duration.between(occurrence, firedAt));
    }
}
