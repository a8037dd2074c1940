package dev.automations.model.control;

import dev.automations.model.entity.ModelConfig;
import jakarta.json.bind.annotation.JsonbProperty;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The ModelConfig JSON of §15. The key is never part of it, only whether there is one. */
public record ModelConfigView(UUID id, UUID organizationId, String name, String provider, String baseUrl, String model,
                              boolean hasApiKey, Integer maxOutputTokens, Double temperature, String systemPrompt,
                              boolean enabled, @JsonbProperty("is_default") boolean isDefault, Instant createdAt,
                              Instant updatedAt) {

    static ModelConfigView of(ModelConfig m) {
        return new ModelConfigView(m.id(), m.organizationId(), m.name(), m.provider(), m.baseUrl(), m.model(),
                m.apiKey() != null, m.maxOutputTokens(), m.temperature(), m.systemPrompt(), m.isEnabled(), m.isDefault(),
                m.createdAt(), m.updatedAt());
    }

    /** The audited fields by their JSON names; a key change is added to the diff as redacted. */
    Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("provider", provider);
        fields.put("base_url", baseUrl);
        fields.put("model", model);
        fields.put("has_api_key", hasApiKey);
        fields.put("max_output_tokens", maxOutputTokens);
        fields.put("temperature", temperature);
        fields.put("system_prompt", systemPrompt);
        fields.put("enabled", enabled);
        fields.put("is_default", isDefault);
        return fields;
    }
}
