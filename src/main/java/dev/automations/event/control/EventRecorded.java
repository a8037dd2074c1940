package dev.automations.event.control;

import java.util.UUID;

/** A {@code pending} event was appended; observed after its transaction commits, it is handed to firing. */
public record EventRecorded(UUID eventId) {
}
