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
        try {
            // Flushing each row keeps the given order; EclipseLink would otherwise reorder rows it sees no mapping between.
            for (Object entity : entities) {
                em.persist(entity);
                em.flush();
            }
        } catch (PersistenceException e) {
            if (DatabaseFailure.isUniqueViolation(e)) {
                throw ApiException.conflict(conflict);
            }
            throw e;
        }
    }
}
