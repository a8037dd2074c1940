package dev.automations.chat.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "chat_labels")
public class ChatLabel {

    @Id
    private UUID id;
    @Column(name = "chat_id")
    private UUID chatId;
    @Column(name = "label_key")
    private String key;
    @Column(name = "label_value")
    private String value;

    protected ChatLabel() {
    }

    public ChatLabel(UUID chatId, String key, String value) {
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
