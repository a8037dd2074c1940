package dev.automations.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whose model configs and MCP servers an automation's ids name. The chat bridge ({@code automations.chat.bridge}, §2)
 * decides it, and the features that check those ids sit below {@code chat}, which selects the bridge; so the rule
 * lives here, once.
 */
@ApplicationScoped
public class AgentResources {

    @Inject
    @ConfigProperty(name = "automations.chat.bridge", defaultValue = "embedded")
    String bridge;

    /**
     * False under the {@code coder} bridge: the ids then name the Coder deployment's model configs and MCP servers
     * (§17), which Coder checks when it creates the chat; a refusal there ends the event in {@code error}.
     */
    public boolean areLocal() {
        return !"coder".equals(bridge);
    }
}
