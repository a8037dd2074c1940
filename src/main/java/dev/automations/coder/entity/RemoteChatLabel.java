package dev.automations.coder.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One label of a {@link RemoteChat}, as a row, so "has every one of these labels" is a query on an index. */
@Entity
@Table(name = "coder_chat_labels")
public class RemoteChatLabel {

    @Id
    private UUID id;
    @Column(name = "chat_id")
    private UUID chatId;
    @Column(name = "label_key")
    private String key;
    @Column(name = "label_value")
    private String value;

    protected RemoteChatLabel() {
    }

    public RemoteChatLabel(UUID chatId, String key, String value) {
        this.id = UUID.randomUUID();
        this.chatId = chatId;
        this.key = key;
        this.value = value;
    }
}
