package dev.automations.chat.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class ChatStatusConverter implements AttributeConverter<ChatStatus, String> {

    @Override
    public String convertToDatabaseColumn(ChatStatus status) {
        return status == null ? null : status.wire();
    }

    @Override
    public ChatStatus convertToEntityAttribute(String column) {
        return column == null ? null : ChatStatus.ofWire(column);
    }
}
