package dev.automations.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message; {@code content} is the JSON array of parts of §11, kept as text. */
@Entity
@Table(name = "chat_messages")
public class ChatMessage {

    @Id
    private UUID id;
    @Column(name = "chat_id")
    private UUID chatId;
    private String role;
    private String content;
    @Column(name = "created_by")
    private UUID createdBy;
    @Column(name = "automation_event_id")
    private UUID automationEventId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ChatMessage() {
    }

    public ChatMessage(UUID chatId, String content, UUID createdBy, UUID automationEventId, Instant now) {
        this.id = UUID.randomUUID();
        this.chatId = chatId;
        this.role = "user";
        this.content = content;
        this.createdBy = createdBy;
        this.automationEventId = automationEventId;
        this.createdAt = now;
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
}
