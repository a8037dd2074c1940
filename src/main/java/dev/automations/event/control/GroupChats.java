package dev.automations.event.control;

import dev.automations.chat.control.ChatBridge;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The chat each label set continues (§9 step 3) within one firing group: searched once per label set, then kept as
 * the group's own firings change the answer, so that a hot issue's 25 events cost one search instead of 25. The
 * answers stay those of a search after each firing: a chat that just took a message is the most recently updated of
 * all, so it becomes the answer for every label set it carries; where that is not known, the set is searched again.
 */
final class GroupChats {

    private final ChatBridge bridge;
    private final UUID ownerId;
    private final Map<Map<String, String>, Optional<UUID>> known = new HashMap<>();

    GroupChats(ChatBridge bridge, UUID ownerId) {
        this.bridge = bridge;
        this.ownerId = ownerId;
    }

    Optional<UUID> toContinue(Map<String, String> labels) {
        Optional<UUID> chat = known.get(labels);
        if (chat == null) {
            chat = bridge.chatToContinue(ownerId, labels);
            known.put(Map.copyOf(labels), chat);
        }
        return chat;
    }

    /** The bridge found the chat taking no more messages and marked it archived: searches pass it by from now on. */
    void gone(UUID chat) {
        known.values().removeIf(found -> found.isPresent() && found.get().equals(chat));
    }

    /**
     * The chat just took a message for these labels. It carries every label set contained in them. It may carry other
     * sets too, unless it was created with exactly these labels or such a set contradicts them.
     */
    void took(UUID chat, Map<String, String> labels, boolean createdWithThem) {
        known.entrySet().removeIf(entry -> !createdWithThem && !contains(labels, entry.getKey()) && !contradicts(labels, entry.getKey()));
        known.replaceAll((set, found) -> !set.isEmpty() && contains(labels, set) ? Optional.of(chat) : found);
        if (!labels.isEmpty()) {
            known.put(Map.copyOf(labels), Optional.of(chat));
        }
    }

    private static boolean contains(Map<String, String> labels, Map<String, String> set) {
        return labels.entrySet().containsAll(set.entrySet());
    }

    private static boolean contradicts(Map<String, String> labels, Map<String, String> set) {
        return set.entrySet().stream().anyMatch(e -> labels.containsKey(e.getKey()) && !Objects.equals(labels.get(e.getKey()), e.getValue()));
    }
}
