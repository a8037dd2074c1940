package dev.automations.webhook.control;

import dev.automations.platform.control.ConcurrencyLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code automations.webhook.max-concurrency}: deliveries this instance works on at once, 0 (the default) for no
 * limit. One past the limit is answered 503 with Retry-After at once, before its body is read, so a flood cannot
 * tie up every request thread and database connection; senders retry (§6 step 8).
 */
@ApplicationScoped
public class WebhookCapacity {

    public static final String RETRY_AFTER_SECONDS = "1";

    @Inject
    @ConfigProperty(name = "automations.webhook.max-concurrency", defaultValue = "0")
    int max;

    private ConcurrencyLimit limit;

    @PostConstruct
    void start() {
        limit = new ConcurrencyLimit(max);
    }

    public boolean tryEnter() {
        return limit.tryEnter();
    }

    public void leave() {
        limit.leave();
    }
}
