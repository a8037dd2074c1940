package dev.automations.cron.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One tick (§10): reads the triggers due by the database's clock through the index on {@code next_fire_at}
 * (disabled automations' triggers have none, so an idle tick reads nothing), then claims them in batches,
 * one transaction each.
 */
@ApplicationScoped
public class CronTick {

    static final int MAX_PER_TICK = 5000;
    static final int BATCH = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    CronClaims claims;

    @Inject
    CronMetrics metrics;

    /** @return how many occurrences this instance fired */
    public int tick() {
        List<Object[]> rows = new ArrayList<>(em.createQuery("SELECT t.id, t.automationId, CURRENT_TIMESTAMP FROM AutomationTrigger t "
                + "WHERE t.nextFireAt <= CURRENT_TIMESTAMP ORDER BY t.nextFireAt", Object[].class).setMaxResults(MAX_PER_TICK).getResultList());
        if (rows.isEmpty()) {
            return 0;
        }
        Instant now = instant(rows.get(0)[2]).truncatedTo(ChronoUnit.MILLIS);
        // An automation's triggers side by side, so a batch hands each automation's events to firing together.
        rows.sort(Comparator.comparing((Object[] row) -> (UUID) row[1]).thenComparing(row -> (UUID) row[0]));
        List<UUID> due = new ArrayList<>(rows.size());
        rows.forEach(row -> due.add((UUID) row[0]));
        // In random order, instances ticking together start on different batches instead of skipping each other's.
        List<List<UUID>> batches = new ArrayList<>();
        for (int from = 0; from < due.size(); from += BATCH) {
            batches.add(due.subList(from, Math.min(from + BATCH, due.size())));
        }
        Collections.shuffle(batches);
        int fired = 0;
        for (List<UUID> batch : batches) {
            List<Instant> occurrences = claims.claim(batch, now);
            occurrences.forEach(occurrence -> metrics.fired(occurrence, now));
            fired += occurrences.size();
        }
        return fired;
    }

    /** The database's CURRENT_TIMESTAMP arrives as whatever its driver prefers. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass());
    }
}
