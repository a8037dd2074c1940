package dev.automations.event.entity;

import dev.automations.platform.entity.WireName;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class EventStatusConverter implements AttributeConverter<EventStatus, String> {

    @Override
    public String convertToDatabaseColumn(EventStatus status) {
        return WireName.column(status);
    }

    @Override
    public EventStatus convertToEntityAttribute(String column) {
        return WireName.fromColumn(EventStatus.class, column);
    }
}
