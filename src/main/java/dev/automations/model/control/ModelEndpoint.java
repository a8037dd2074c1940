package dev.automations.model.control;

import java.util.UUID;

/**
 * What an agent turn needs to call a model (§15).
 *
 * @param id              the model config it comes from
 * @param baseUrl         without a trailing slash: the turn posts to {@code baseUrl + "/chat/completions"}
 * @param apiKey          in clear, or null when the endpoint takes none; never to be logged
 * @param maxOutputTokens null: the server's own limit
 * @param temperature     null: the server's own default
 * @param systemPrompt    null: none
 */
public record ModelEndpoint(UUID id, String baseUrl, String model, String apiKey, Integer maxOutputTokens, Double temperature,
                            String systemPrompt) {

    /** Records print every component; this one holds a secret, and endpoints end up in log lines. */
    @Override
    public String toString() {
        return "ModelEndpoint[id=" + id + ", baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
                + (apiKey == null ? "none" : "[redacted]") + ", maxOutputTokens=" + maxOutputTokens + ", temperature="
                + temperature + "]";
    }
}
