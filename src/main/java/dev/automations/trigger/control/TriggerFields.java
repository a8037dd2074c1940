package dev.automations.trigger.control;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Request bodies of §5. Rules that depend on the trigger's type are checked by {@link Triggers}. */
public final class TriggerFields {

    private TriggerFields() {
    }

    public record NewTrigger(String type, String signatureScheme, @Size(max = 1024) String webhookSecret,
                             @Size(max = 256) String cronSchedule, JsonValue filter, JsonValue labelPaths) {
    }

    public record TriggerChanges(@Size(max = 256) String cronSchedule, JsonValue filter, JsonValue labelPaths) {
    }

    public record NewSecret(@Size(max = 1024) String webhookSecret, @Min(0) @Max(604_800) Integer gracePeriodSeconds) {
    }

    public record SchedulePreview(String cronSchedule) {
    }

    public record NextRunTimes(java.util.List<java.time.Instant> nextRunTimes) {
    }
}
