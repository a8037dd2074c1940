package dev.automations.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.util.UUID;

/**
 * EclipseLink 4.0.7's built-in UUID conversion throws on a NULL column value; going through a converter passes
 * NULL through. The identity mapping is deliberate: Hibernate 6.6 (WildFly) needs a column type it knows, and
 * rejects {@code Object} ("Unknown data type"), while both drivers read and write {@code UUID} natively.
 * Ids never go through converters (JPA), so this serves the optional references only.
 */
@Converter(autoApply = true)
public class NullableUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID uuid) {
        return uuid;
    }

    @Override
    public UUID convertToEntityAttribute(UUID value) {
        return value;
    }
}
