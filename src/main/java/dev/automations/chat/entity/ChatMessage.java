package dev.automations.chat.entity;

import dev.automations.platform.entity.TimeOrderedIds;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A message; {@code content} is the JSON array of parts of §11, kept as text. {@code seq} orders a chat's messages;
 * an assistant message carries the token usage the model reported (§15).
 */
@Entity
@Table(name = "chat_messages")
public class ChatMessage {

    public static final String USER = "user";
    public static final String ASSISTANT = "assistant";
    /** The results of the tool calls of the assistant message before it (§16). */
    public static final String TOOL = "tool";

    @Id
    private UUID id;
    @Column(name = "chat_id")
    private UUID chatId;
    private long seq;
    private String role;
    private String content;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "automation_event_id")
    private UUID automationEventId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "prompt_tokens")
    private Integer promptTokens;
    @Column(name = "completion_tokens")
    private Integer completionTokens;

    protected ChatMessage() {
    }

    private ChatMessage(UUID chatId, long seq, String role, String content, Instant now) {
        this.id = TimeOrderedIds.at(now);
        this.chatId = chatId;
        this.seq = seq;
        this.role = role;
        this.content = content;
        this.createdAt = now;
    }

    static ChatMessage user(UUID chatId, long seq, String content, UUID createdBy, UUID automationEventId, Instant now) {
        ChatMessage message = new ChatMessage(chatId, seq, USER, content, now);
        message.createdBy = createdBy;
        message.automationEventId = automationEventId;
        return message;
    }

    static ChatMessage assistant(UUID chatId, long seq, String content, Integer promptTokens, Integer completionTokens, Instant now) {
        ChatMessage message = new ChatMessage(chatId, seq, ASSISTANT, content, now);
        message.promptTokens = promptTokens;
        message.completionTokens = completionTokens;
        return message;
    }

    static ChatMessage tool(UUID chatId, long seq, String content, Instant now) {
        return new ChatMessage(chatId, seq, TOOL, content, now);
    }

    public UUID id() {
        return id;
    }

    public UUID chatId() {
        return chatId;
    }

    public String role() {
        return role;
    }

    public String content() {
        return content;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public UUID automationEventId() {
        return automationEventId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long seq() {
        return seq;
    }

    public Integer promptTokens() {
        return promptTokens;
    }

    public Integer completionTokens() {
        return completionTokens;
    }
}
