package dev.automations.chat.entity;

import dev.automations.platform.entity.WireName;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class ChatStatusConverter implements AttributeConverter<ChatStatus, String> {

    @Override
    public String convertToDatabaseColumn(ChatStatus status) {
        return WireName.column(status);
    }

    @Override
    public ChatStatus convertToEntityAttribute(String column) {
        return WireName.fromColumn(ChatStatus.class, column);
    }
}
