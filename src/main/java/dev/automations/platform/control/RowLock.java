package dev.automations.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * Takes a row's write lock until the transaction ends, to serialize work on it across instances.
 * An explicit no-op UPDATE locks the row on H2 and PostgreSQL alike (measured on both), whatever
 * lock clause the JPA provider would render for each dialect. The table comes from the entity's own
 * {@code @Table}, so a feature locks only rows of entities it owns: the architecture test keeps other
 * features' entities out of its reach, and their rows are locked through their control API.
 */
public final class RowLock {

    private RowLock() {
    }

    /** @return whether the row exists (and is now locked) */
    public static boolean lock(EntityManager em, Class<?> entity, UUID id) {
        Table table = entity.getAnnotation(Table.class);
        if (table == null || table.name().isEmpty()) {
            throw new IllegalArgumentException(entity.getName() + " names no table");
        }
        return em.createNativeQuery("UPDATE " + table.name() + " SET id = id WHERE id = ?").setParameter(1, id).executeUpdate() == 1;
    }
}
