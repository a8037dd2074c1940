package dev.automations.coder.entity;

import dev.automations.platform.entity.LabelRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.UUID;

/** One label of a {@link RemoteChat}. */
@Entity
@Table(name = "coder_chat_labels")
public class RemoteChatLabel extends LabelRow {

    protected RemoteChatLabel() {
    }

    public RemoteChatLabel(UUID chatId, String key, String value) {
        super(chatId, key, value);
    }
}
