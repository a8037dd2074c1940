package dev.automations.cron.boundary;

import dev.automations.cron.control.CronTick;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 5 s on every instance with {@code automations.cron.enabled}. Non-persistent: Payara Micro's persistent
 * timers are not coordinated across instances; exactly-once comes from the database claim, not the timer service.
 * Ticking at :00 of every minute lets minute-aligned occurrences fire within moments of their time.
 */
@Singleton
public class CronTimer {

    private static final Logger LOG = Logger.getLogger(CronTimer.class.getName());

    @Inject
    CronTick tick;

    @Inject
    @ConfigProperty(name = "automations.cron.enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            tick.tick();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cron tick failed; the next tick retries", e);
        }
    }
}
