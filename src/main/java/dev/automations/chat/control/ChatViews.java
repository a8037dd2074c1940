package dev.automations.chat.control;

import dev.automations.chat.entity.Chat;
import dev.automations.chat.entity.ChatMessage;
import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The Chat and ChatMessage JSON of §11, and the chat request bodies. */
public final class ChatViews {

    private ChatViews() {
    }

    public record ChatView(UUID id, UUID ownerId, UUID organizationId, UUID automationId, String title, String status, String lastError,
                           UUID modelConfigId, Map<String, String> labels, String clientType, boolean archived, Instant createdAt,
                           Instant updatedAt) {
        static ChatView of(Chat c, Map<String, String> labels) {
            return new ChatView(c.id(), c.ownerId(), c.organizationId(), c.automationId(), c.title(), c.status().wire(), c.lastError(),
                    c.modelConfigId(), labels, c.clientType(), c.archived(), c.createdAt(), c.updatedAt());
        }
    }

    /** {@code usage} is the model's token count for an assistant message (§15), absent on user messages. */
    public record MessageView(UUID id, UUID chatId, String role, JsonValue content, UUID createdBy, UUID automationEventId, Usage usage,
                              Instant createdAt) {
        static MessageView of(ChatMessage m) {
            Usage usage = ChatMessage.ASSISTANT.equals(m.role()) ? new Usage(m.promptTokens(), m.completionTokens()) : null;
            return new MessageView(m.id(), m.chatId(), m.role(), JsonText.read(m.content()), m.createdBy(), m.automationEventId(), usage,
                    m.createdAt());
        }
    }

    public record Usage(Integer promptTokens, Integer completionTokens) {
    }

    public record Messages(List<MessageView> messages, boolean hasMore) {
    }

    public record NewChatRequest(@NotNull UUID organizationId, @NotBlank @Size(max = 65536) String content,
                                 @Size(max = 256) String title, jakarta.json.JsonObject labels) {
    }

    public record NewMessage(@NotBlank @Size(max = 65536) String content) {
    }

    public record ChatChanges(@Size(min = 1, max = 256) String title, Boolean archived, jakarta.json.JsonObject labels) {
    }
}
