package dev.automations.event.boundary;

import dev.automations.event.control.Recovery;
import dev.automations.platform.control.TimerFailures;
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
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Every {@code automations.firing.sweep-period} (15 s) on every instance: the recovery sweep (§9). A programmatic
 * timer, because {@code @Schedule} cannot take its period from config. A timeout that throws is redelivered once,
 * then expunged for good: a failed sweep is logged here and the next one retries.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class RecoveryTimer {

    private static final Logger LOG = Logger.getLogger(RecoveryTimer.class.getName());
    private static final Duration FIRST_SWEEP = Duration.ofSeconds(1);

    @Inject
    Recovery recovery;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "automations.firing.sweep-period", defaultValue = "PT15S")
    Duration period;

    @PostConstruct
    void schedule() {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalStateException("automations.firing.sweep-period must be positive, not " + period);
        }
        // Non-persistent: Payara Micro does not coordinate persistent timers; each instance sweeps on its own. The first
        // sweep comes at once, not a period after the start: what a crash left pending has waited through the restart.
        timers.createIntervalTimer(FIRST_SWEEP.toMillis(), period.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        try {
            recovery.sweep();
        } catch (RuntimeException e) {
            TimerFailures.log(LOG, "Recovery sweep failed; the next sweep retries", e);
        }
    }
}
