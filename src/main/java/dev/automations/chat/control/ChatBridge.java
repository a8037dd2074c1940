package dev.automations.chat.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where fired events go (§9). {@code embedded} keeps chats in the service's own database; a remote Coder
 * deployment would implement the same three calls over its chats API.
 */
public interface ChatBridge {

    /** The owner's most recently updated, not archived chat whose labels include every given label. */
    Optional<UUID> chatToContinue(UUID ownerId, Map<String, String> labels);

    UUID create(NewChat chat, String message, UUID eventId);

    void append(UUID chatId, String message, UUID eventId);

    record NewChat(UUID ownerId, UUID organizationId, UUID automationId, String title, Map<String, String> labels,
                   UUID modelConfigId, List<UUID> mcpServerIds, UUID createdBy) {
    }
}
