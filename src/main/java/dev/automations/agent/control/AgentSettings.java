package dev.automations.agent.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The {@code automations.agent.*} settings of §15, checked once so that a bad value stops the deployment with its name. */
@ApplicationScoped
public class AgentSettings {

    @Inject
    @ConfigProperty(name = "automations.agent.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "automations.agent.lease", defaultValue = "PT5M")
    String leaseText;

    @Inject
    @ConfigProperty(name = "automations.agent.timeout", defaultValue = "PT120S")
    String timeoutText;

    @Inject
    @ConfigProperty(name = "automations.agent.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "automations.agent.concurrency", defaultValue = "4")
    int concurrency;

    /** How often each instance looks for pending chats nobody started, due retries and abandoned turns. */
    @Inject
    @ConfigProperty(name = "automations.agent.sweep-period", defaultValue = "PT15S")
    String sweepPeriodText;

    /** §16: how many times one turn may run the model's tool calls before it must answer. */
    @Inject
    @ConfigProperty(name = "automations.agent.max-tool-rounds", defaultValue = "8")
    int maxToolRounds;

    /** The longest an MCP server may take to connect, list its tools or answer one tool call. */
    @Inject
    @ConfigProperty(name = "automations.agent.tool-timeout", defaultValue = "PT30S")
    String toolTimeoutText;

    /** How long what an MCP server lists is reused before it is asked again. */
    @Inject
    @ConfigProperty(name = "automations.agent.tool-list-cache", defaultValue = "PT1M")
    String toolListCacheText;

    private Duration lease;
    private Duration toolTimeout;
    private Duration toolListCache;
    private Duration timeout;
    private Duration sweepPeriod;

    @PostConstruct
    void check() {
        lease = positive("automations.agent.lease", leaseText);
        timeout = positive("automations.agent.timeout", timeoutText);
        sweepPeriod = positive("automations.agent.sweep-period", sweepPeriodText);
        toolTimeout = positive("automations.agent.tool-timeout", toolTimeoutText);
        toolListCache = positive("automations.agent.tool-list-cache", toolListCacheText);
        // A lease that ends before a model or tool call may is taken over while the call still runs. A turn renews its
        // lease before each call; a tool call may take three tool timeouts (the transport probe, the initialization, the call).
        if (lease.compareTo(timeout) <= 0 || lease.compareTo(toolTimeout.multipliedBy(3)) <= 0) {
            throw new IllegalStateException("automations.agent.lease (" + lease + ") must be longer than automations.agent.timeout ("
                    + timeout + ") and three times automations.agent.tool-timeout (" + toolTimeout + ")");
        }
        if (maxToolRounds < 0) {
            throw new IllegalStateException("automations.agent.max-tool-rounds must be 0 or more");
        }
        if (maxAttempts < 1 || concurrency < 1) {
            throw new IllegalStateException("automations.agent.max-attempts and automations.agent.concurrency must be at least 1");
        }
    }

    private static Duration positive(String key, String text) {
        try {
            Duration value = Duration.parse(text);
            if (!value.isNegative() && !value.isZero()) {
                return value;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalStateException(key + " must be a positive ISO-8601 duration such as PT30S, not \"" + text + "\"");
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration lease() {
        return lease;
    }

    public Duration timeout() {
        return timeout;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public int concurrency() {
        return concurrency;
    }

    public Duration sweepPeriod() {
        return sweepPeriod;
    }

    public int maxToolRounds() {
        return maxToolRounds;
    }

    public Duration toolTimeout() {
        return toolTimeout;
    }

    public Duration toolListCache() {
        return toolListCache;
    }
}
