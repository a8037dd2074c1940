package dev.automations.automation.entity;

import dev.automations.platform.entity.WireName;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
public class AutomationStatusConverter implements AttributeConverter<AutomationStatus, String> {

    @Override
    public String convertToDatabaseColumn(AutomationStatus status) {
        return WireName.column(status);
    }

    @Override
    public AutomationStatus convertToEntityAttribute(String column) {
        return WireName.fromColumn(AutomationStatus.class, column);
    }
}
