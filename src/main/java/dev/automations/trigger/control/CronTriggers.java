package dev.automations.trigger.control;

import dev.automations.schedule.CronSchedule;
import dev.automations.trigger.entity.AutomationTrigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The cron triggers' side of §10, for the cron feature above: which triggers are due, and claiming them. A claim
 * locks the triggers that are still due by the stored next-fire time, skipping rows another instance holds, then
 * advances them; so of all instances that saw a trigger due exactly one claims it.
 */
@ApplicationScoped
public class CronTriggers {

    @PersistenceContext
    EntityManager em;

    /** Triggers due by the database's clock, at most {@code max}; {@code now} is that clock, to the millisecond. */
    public record Due(Instant now, List<DueTrigger> triggers) {
    }

    public record DueTrigger(UUID id, UUID automationId) {
    }

    /** A claimed trigger and the occurrence it fires for: missed ones collapse into the latest (§10). */
    public record Claimed(TriggerRules trigger, String schedule, Instant occurrence) {
    }

    /** Read through the index on {@code next_fire_at}; disabled automations' triggers have none, so an idle tick reads nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Due due(int max) {
        List<Object[]> rows = em.createQuery("SELECT t.id, t.automationId, CURRENT_TIMESTAMP FROM AutomationTrigger t "
                + "WHERE t.nextFireAt <= CURRENT_TIMESTAMP ORDER BY t.nextFireAt", Object[].class).setMaxResults(max).getResultList();
        if (rows.isEmpty()) {
            return new Due(null, List.of());
        }
        List<DueTrigger> due = new ArrayList<>(rows.size());
        rows.forEach(row -> due.add(new DueTrigger((UUID) row[0], (UUID) row[1])));
        return new Due(instant(rows.get(0)[2]).truncatedTo(ChronoUnit.MILLIS), due);
    }

    /**
     * In the caller's transaction, which commits the claims together with the events it records for them.
     * Triggers another instance holds or advanced meanwhile are left out. The locked rows are read as the columns a
     * firing needs and advanced by one statement per next occurrence, not as entities: that took a fifth off a tick's CPU
     * in a 3-instance minute of 10 000 (250 entities built, then flushed by the next query's automatic flush; decisions.md).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Claimed> claim(List<UUID> triggerIds, Instant now) {
        List<Claimed> claimed = new ArrayList<>(triggerIds.size());
        // Parsed once per schedule a batch holds: parsing each trigger's was a quarter of a claim's CPU (JFR, 10 000 due).
        Map<String, CronSchedule> schedules = new HashMap<>();
        Map<String, Optional<Instant>> next = new HashMap<>();
        Map<Optional<Instant>, List<UUID>> advanced = new HashMap<>();
        for (Object[] row : lockDue(triggerIds, now)) {
            UUID id = (UUID) row[0];
            String expression = (String) row[2];
            CronSchedule schedule = schedules.computeIfAbsent(expression, CronSchedule::parse);
            claimed.add(new Claimed(new TriggerRules(id, (UUID) row[1], null, (String) row[4]), expression,
                    schedule.latestOccurrence(instant(row[3]), now)));
            advanced.computeIfAbsent(next.computeIfAbsent(expression, s -> schedule.nextAfter(now)), n -> new ArrayList<>()).add(id);
        }
        advanced.forEach((occurrence, ids) -> em.createNamedQuery(AutomationTrigger.FIRED).setParameter("next", occurrence.orElse(null))
                .setParameter("now", now).setParameter("ids", ids).executeUpdate());
        return claimed;
    }

    /**
     * Locks in id order and skips what another instance holds (both on H2 2.2 and PostgreSQL), so instances ticking
     * together never wait on each other; a trigger another instance advanced meanwhile is no longer due.
     */
    private List<Object[]> lockDue(List<UUID> ids, Instant now) {
        String params = String.join(", ", Collections.nCopies(ids.size(), "?"));
        Query query = em.createNativeQuery("SELECT id, automation_id, cron_schedule, next_fire_at, label_paths FROM automation_triggers "
                + "WHERE id IN (" + params + ") AND next_fire_at <= ? ORDER BY id FOR UPDATE SKIP LOCKED");
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 1, ids.get(i));
        }
        query.setParameter(ids.size() + 1, now.atOffset(ZoneOffset.UTC));
        @SuppressWarnings("unchecked")
        List<Object[]> locked = query.getResultList();
        return locked;
    }

    /** A timestamp read by a native query or as CURRENT_TIMESTAMP arrives as whatever the provider and driver prefer. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
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
