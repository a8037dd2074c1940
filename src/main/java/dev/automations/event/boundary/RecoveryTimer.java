package dev.automations.event.boundary;

import dev.automations.event.control.Firing;
import dev.automations.event.entity.AutomationEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code automations.firing.sweep-period} (15 s) on every instance: fires events left pending for more than
 * 30 s, i.e. whose hand-off was lost to a crash or a failure (§9). Firing claims each event, so instances sweeping
 * together still fire it once. A programmatic timer, because {@code @Schedule} cannot take its period from config.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class RecoveryTimer {

    private static final Logger LOG = Logger.getLogger(RecoveryTimer.class.getName());
    static final Duration STALE = Duration.ofSeconds(30);
    private static final int BATCH = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Firing firing;

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
        // Non-persistent: Payara Micro does not coordinate persistent timers; each instance sweeps on its own.
        timers.createIntervalTimer(period.toMillis(), period.toMillis(), new TimerConfig(null, false));
    }

    @Timeout
    void sweep() {
        List<Object[]> stale = em.createNamedQuery(AutomationEvent.STALE_PENDING, Object[].class)
                .setParameter("before", Instant.now().minus(STALE)).setMaxResults(BATCH).getResultList();
        // One at a time: an event that fails to fire no longer holds back the others it was handed off with.
        for (Object[] row : stale) {
            UUID event = (UUID) row[1];
            try {
                firing.fire((UUID) row[0], List.of(event));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Recovery of event " + event + " failed; next sweep retries", e);
            }
        }
    }
}
