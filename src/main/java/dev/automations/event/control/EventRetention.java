package dev.automations.event.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Deletes events older than the retention (§13) a bounded batch per transaction, so a large backlog
 * never holds long locks or one huge transaction. The statement is plain SQL that H2 and PostgreSQL share.
 */
@Stateless
public class EventRetention {

    public static final int BATCH = 1000;
    public static final String PURGE_SQL = "DELETE FROM automation_events WHERE id IN "
            + "(SELECT id FROM automation_events WHERE received_at < ? FETCH FIRST " + BATCH + " ROWS ONLY)";

    @PersistenceContext
    EntityManager em;

    /** @return how many events were deleted; fewer than {@link #BATCH} means nothing older is left */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeBatch(Instant olderThan) {
        return em.createNativeQuery(PURGE_SQL).setParameter(1, olderThan.atOffset(ZoneOffset.UTC)).executeUpdate();
    }
}
