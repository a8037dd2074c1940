package dev.automations.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Inserts rows whose uniqueness the database guards. A pre-check can race with another instance;
 * the unique index cannot, so its violation is what decides the 409.
 */
public final class UniqueWrites {

    private UniqueWrites() {
    }

    public static void persist(EntityManager em, String conflict, Object... entities) {
        // Flushing each row keeps the given order; EclipseLink would otherwise reorder rows it sees no mapping between.
        for (Object entity : entities) {
            em.persist(entity);
            flush(em, conflict);
        }
    }

    /** Writes pending changes to managed rows now, so a unique key they break is a 409 rather than a failed commit. */
    public static void flush(EntityManager em, String conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (DatabaseFailure.isUniqueViolation(e)) {
                throw ApiException.conflict(conflict);
            }
            throw e;
        }
    }
}
