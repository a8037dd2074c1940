package dev.automations.cron.boundary;

import dev.automations.cron.control.CronTick;
import dev.automations.platform.control.TimerFailures;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.logging.Logger;

/**
 * Every 5 s on every instance with {@code automations.cron.enabled}. Non-persistent: Payara Micro's persistent
 * timers are not coordinated across instances; exactly-once comes from the database claim, not the timer service.
 * Ticking at :00 of every minute lets minute-aligned occurrences fire within moments of their time.
 * <p>
 * Payara runs a {@code @Schedule} method in a container transaction whatever its {@code @TransactionAttribute} says
 * (the one below is what the method needs, and what it gets elsewhere).
 * A database failure inside that transaction marked it rollback-only even when caught, and Payara expunged the timer
 * after two failed deliveries: after an outage cron never fired again until a restart. So the tick runs in its own
 * EJB ({@link CronTick}, outside any transaction), and this method touches no resource.
 */
@Singleton
@DependsOn("Migrations")
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
            TimerFailures.log(LOG, "Cron tick failed; the next tick retries", e);
        }
    }
}
