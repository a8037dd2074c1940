package dev.automations.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/**
 * One label of a chat as a row, so "has every one of these labels" is a query on an index. The embedded chats and
 * the chats created in Coder each keep theirs in a table of this shape; the chat's label query relies on its
 * field names ({@code chatId}, {@code key}, {@code value}).
 */
@MappedSuperclass
public abstract class LabelRow {

    @Id
    private UUID id;
    @Column(name = "chat_id")
    private UUID chatId;
    @Column(name = "label_key")
    private String key;
    @Column(name = "label_value")
    private String value;

    protected LabelRow() {
    }

    protected LabelRow(UUID chatId, String key, String value) {
        this.id = UUID.randomUUID();
        this.chatId = chatId;
        this.key = key;
        this.value = value;
    }

    public UUID chatId() {
        return chatId;
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }
}
