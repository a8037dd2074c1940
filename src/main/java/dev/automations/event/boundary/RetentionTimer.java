package dev.automations.event.boundary;

import dev.automations.event.control.EventRetention;
import dev.automations.platform.control.TimerFailures;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Once a day on every instance (non-persistent: Payara Micro does not coordinate persistent timers, and
 * purging twice deletes nothing twice).
 */
@Singleton
@DependsOn("Migrations")
public class RetentionTimer {

    private static final Logger LOG = Logger.getLogger(RetentionTimer.class.getName());

    @Inject
    EventRetention retention;

    @Inject
    @ConfigProperty(name = "automations.events.retention", defaultValue = "P7D")
    Duration keep;

    @Schedule(hour = "3", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void purge() {
        Instant cutoff = Instant.now().minus(keep);
        long deleted = 0;
        int batch;
        try {
            do {
                batch = retention.purgeBatch(cutoff);
                deleted += batch;
            } while (batch == EventRetention.BATCH);
        } catch (RuntimeException e) {
            TimerFailures.log(LOG, "Purge stopped after " + deleted + " events; the next purge goes on", e);
            return;
        }
        long total = deleted;
        LOG.info(() -> "Purged " + total + " events received before " + cutoff);
    }
}
