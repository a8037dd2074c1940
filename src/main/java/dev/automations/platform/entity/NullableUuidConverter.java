package dev.automations.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.UUID;

/**
 * EclipseLink 4.0.7's built-in UUID conversion throws on a NULL column value; this one passes NULL through.
 * Ids never go through converters (JPA), so this serves the optional references only.
 */
@Converter(autoApply = true)
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID uuid) {
        return uuid;
    }

    @Override
    public UUID convertToEntityAttribute(Object value) {
        if (value == null || value instanceof UUID) {
            return (UUID) value;
        }
        return UUID.fromString(value.toString());
    }
}
