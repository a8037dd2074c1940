package dev.automations.model.control;

import dev.automations.model.entity.ModelConfig;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * The fields of a model config as a client sends them, for create and PATCH alike (§15). What is required on create,
 * and the {@code base_url} rule, are checked by {@link ModelConfigs}.
 */
public record ModelConfigFields(
        UUID organizationId,
        @Size(min = 1, max = 128) String name,
        @Pattern(regexp = ModelConfig.OPENAI_COMPATIBLE, message = "must be " + ModelConfig.OPENAI_COMPATIBLE) String provider,
        String baseUrl,
        @Size(min = 1, max = 256) String model,
        @Size(min = 1, max = 4096) String apiKey,
        @Min(1) @Max(1_000_000) Integer maxOutputTokens,
        @DecimalMin("0") @DecimalMax("2") Double temperature,
        @Size(max = 65536) String systemPrompt,
        Boolean enabled,
        Boolean isDefault) {

    public ModelConfigFields {
        name = name == null ? null : name.strip();
        model = model == null ? null : model.strip();
    }

    /** Records print every component; this one holds a secret. */
    @Override
    public String toString() {
        return "ModelConfigFields[organizationId=" + organizationId + ", name=" + name + ", apiKey="
                + (apiKey == null ? "null" : "[redacted]") + "]";
    }
}
