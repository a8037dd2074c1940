package dev.automations.event.control;

import dev.automations.event.entity.EventPayload;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events' payloads, read in one statement for a page or a group of events. */
final class Payloads {

    private Payloads() {
    }

    static Map<UUID, String> of(EntityManager em, Collection<UUID> eventIds) {
        Map<UUID, String> payloads = new HashMap<>();
        if (eventIds.isEmpty()) {
            return payloads;
        }
        em.createNamedQuery(EventPayload.OF_EVENTS, Object[].class).setParameter("ids", eventIds).getResultStream()
                .forEach(row -> payloads.put((UUID) row[0], (String) row[1]));
        return payloads;
    }

    static String of(EntityManager em, UUID eventId) {
        return of(em, List.of(eventId)).get(eventId);
    }
}
