package dev.automations.model.control;

import java.util.UUID;

/** What an agent turn needs of a model config (§15); {@code apiKey} is in clear, so {@link #toString()} leaves it out. */
public record ModelEndpoint(UUID id, String baseUrl, String model, String apiKey, Integer maxOutputTokens, Double temperature,
                            String systemPrompt) {

    @Override
    public String toString() {
        return "ModelEndpoint[id=" + id + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "[redacted]") + "]";
    }
}
