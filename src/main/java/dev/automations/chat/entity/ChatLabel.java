package dev.automations.chat.entity;

import dev.automations.platform.entity.LabelRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

@Entity
@Table(name = "chat_labels")
public class ChatLabel extends LabelRow {

    protected ChatLabel() {
    }

    public ChatLabel(UUID chatId, String key, String value) {
        super(chatId, key, value);
    }
}
