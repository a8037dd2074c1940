package dev.automations.agent.boundary;

import dev.automations.agent.control.AgentDispatcher;
import dev.automations.agent.control.AgentSettings;
import dev.automations.agent.control.RetryScheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's sweep on every instance, every {@code automations.agent.sweep-period}, and once more when a retry falls
 * due. Non-persistent timers: which instance runs a turn is decided by the chat's claim, not by the timer service.
 * Started after the migrations, so the first sweep finds the chat tables.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class AgentTimer {

    private static final Logger LOG = Logger.getLogger(AgentTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    AgentSettings settings;

    @Inject
    AgentDispatcher dispatcher;

    @PostConstruct
    void start() {
        Duration period = settings.sweepPeriod();
        timers.createIntervalTimer(period.toMillis(), period.toMillis(), new TimerConfig(null, false));
    }

    public void wake(@Observes RetryScheduled retry) {
        timers.createSingleActionTimer(Date.from(retry.at().isBefore(Instant.now()) ? Instant.now() : retry.at()), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            dispatcher.sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Agent sweep failed; the next one retries", e);
        }
    }
}
