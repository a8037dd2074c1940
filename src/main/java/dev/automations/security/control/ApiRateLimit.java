package dev.automations.security.control;

import dev.automations.platform.control.TokenBuckets;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.OptionalLong;

/**
 * {@code automations.api.rate-limit}: admin API requests a second per token (session or API token), 0 (the default)
 * for no limit. Counted per instance: behind a balancer, n instances allow up to n times the rate.
 */
@ApplicationScoped
public class ApiRateLimit {

    @Inject
    @ConfigProperty(name = "automations.api.rate-limit", defaultValue = "0")
    int perSecond;

    private TokenBuckets buckets;

    @PostConstruct
    void start() {
        buckets = new TokenBuckets(perSecond, System::nanoTime);
    }

    public int perSecond() {
        return perSecond;
    }

    /** @return empty when the caller's token may make this request, otherwise the seconds to wait */
    public OptionalLong take(Caller caller) {
        return buckets.take(caller.keyId());
    }
}
