package dev.automations.webhook.control;

import dev.automations.metrics.control.Counter;
import dev.automations.metrics.control.Histogram;
import dev.automations.metrics.control.Registry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

import java.time.Duration;

/** The webhook metrics of §14. Labels carry outcomes only, never ids or payload values. */
@ApplicationScoped
public class WebhookMetrics {

    @Inject
    Registry registry;

    private Counter requests;
    private Histogram requestSeconds;

    /** Created at startup, so its metrics are scraped at zero before their first event. */
    void createdAtStartup(@Observes Startup startup) {
    }

    @PostConstruct
    void register() {
        requests = registry.counter("automations_webhook_requests_total", "Webhook deliveries by outcome.", "outcome");
        requestSeconds = registry.histogram("automations_webhook_request_seconds", "Time to answer a webhook delivery.",
                Histogram.DEFAULT_SECONDS);
    }

    public void delivery(String outcome, Duration took) {
        requests.inc(outcome);
        requestSeconds.observe(took);
    }
}
