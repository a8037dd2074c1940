package dev.automations.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Deletes rows that other rows may still reference. A pre-check could race with an insert on another instance;
 * the foreign key cannot, so its violation is what decides the 409.
 */
public final class ReferencedRows {

    private ReferencedRows() {
    }

    public static void remove(EntityManager em, String inUse, Object entity) {
        em.remove(entity);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (DatabaseFailure.isForeignKeyViolation(e)) {
                throw ApiException.conflict(inUse);
            }
            throw e;
        }
    }
}
