package dev.automations.webhook.control;

import dev.automations.platform.control.DurationTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * The webhook metrics of §14. MicroProfile Metrics adds {@code _total} to counters and {@code _seconds}
 * to timers in the Prometheus output. Labels carry outcomes only, never ids or payload values.
 */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    MetricRegistry registry;

    public void delivery(String outcome, Duration took) {
        registry.counter("automations_webhook_requests", new Tag("outcome", outcome)).inc();
        DurationTimers.timer(registry, "automations_webhook_request").update(took);
    }
}
