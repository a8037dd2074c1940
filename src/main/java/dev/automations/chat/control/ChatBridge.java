package dev.automations.chat.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where fired events go (§9). {@code embedded} keeps chats in the service's own database; {@code coder} hands them to
 * a Coder deployment's chats API (§17). Firing calls these under the automation's row lock, in its transaction.
 * A failure that should leave the event {@code error} is a {@link ChatBridgeException}.
 */
public interface ChatBridge {

    /** The owner's most recently updated, not archived chat whose labels include every given label. */
    Optional<UUID> chatToContinue(UUID ownerId, Map<String, String> labels);

    UUID create(NewChat chat, String message, UUID eventId);

    /**
     * @return false when the chat turned out to take no more messages (gone or archived where it lives); the bridge
     * has then marked it archived, so {@link #chatToContinue} looks past it
     */
    boolean append(UUID chatId, String message, UUID eventId);

    /** What {@code GET /health/ready} shows about this bridge: strings, numbers and booleans, never a secret. */
    default Map<String, Object> health() {
        return Map.of();
    }

    record NewChat(UUID ownerId, UUID organizationId, UUID automationId, String title, Map<String, String> labels,
                   UUID modelConfigId, List<UUID> mcpServerIds, UUID createdBy) {
    }
}
