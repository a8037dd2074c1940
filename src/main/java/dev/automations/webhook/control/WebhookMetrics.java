package dev.automations.webhook.control;

import dev.automations.platform.control.DurationTimers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;

/**
 * The webhook metrics of §14. MicroProfile Metrics adds {@code _total} to counters and {@code _seconds}
 * to timers in the Prometheus output. Labels carry outcomes only, never ids or payload values.
 */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    MetricRegistry registry;

    private Timer requests;

    /**
     * The timer is registered once, before any delivery: Payara's registry, asked for a new timer by many requests at
     * once, threw {@code ConcurrentModificationException} (a 500 to a delivery already recorded), and every lookup
     * contended on a lock.
     */
    @PostConstruct
    void register() {
        requests = DurationTimers.timer(registry, "automations_webhook_request");
    }

    public void delivery(String outcome, Duration took) {
        registry.counter("automations_webhook_requests", new Tag("outcome", outcome)).inc();
        requests.update(took);
    }
}
