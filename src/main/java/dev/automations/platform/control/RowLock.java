package dev.automations.platform.control;

import jakarta.persistence.EntityManager;

import java.util.Set;
import java.util.UUID;

/**
 * Takes a row's write lock until the transaction ends, to serialize work on it across instances.
 * An explicit no-op UPDATE locks the row on H2 and PostgreSQL alike (measured on both), whatever
 * lock clause the JPA provider would render for each dialect.
 */
public final class RowLock {

    private static final Set<String> TABLES = Set.of("automations", "users", "organizations");

    private RowLock() {
    }

    /** @return whether the row exists (and is now locked) */
    public static boolean lock(EntityManager em, String table, UUID id) {
        if (!TABLES.contains(table)) {
            throw new IllegalArgumentException("no row lock for " + table);
        }
        return em.createNativeQuery("UPDATE " + table + " SET id = id WHERE id = ?").setParameter(1, id).executeUpdate() == 1;
    }
}
