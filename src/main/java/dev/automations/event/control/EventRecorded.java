package dev.automations.event.control;

import java.util.List;
import java.util.UUID;

/** {@code pending} events of one automation were appended; observed after their transaction commits, they are handed to firing. */
public record EventRecorded(UUID automationId, List<UUID> eventIds) {
}
