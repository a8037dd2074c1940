package dev.automations.chat.boundary;

import dev.automations.chat.control.ChatBridge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Shows the chat bridge on {@code GET /health/ready} as its own check, always UP: a remote bridge being down must not
 * take the instance out of a load balancer, since webhooks are still accepted and recorded, and their events end
 * {@code error} and replayable (§17). Whether the bridge itself answers is in the check's data.
 */
@Readiness
@ApplicationScoped
public class ChatBridgeReadiness implements HealthCheck {

    @Inject
    @ConfigProperty(name = "automations.chat.bridge", defaultValue = "embedded")
    String name;

    @Inject
    ChatBridge bridge;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("chat-bridge").up().withData("bridge", name);
        bridge.health().forEach((key, value) -> {
            if (value instanceof Boolean b) {
                response.withData(key, b);
            } else if (value instanceof Number n) {
                response.withData(key, n.longValue());
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        return response.build();
    }
}
