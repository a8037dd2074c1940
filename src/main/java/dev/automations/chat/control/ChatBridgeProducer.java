package dev.automations.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Selects the bridge named by {@code automations.chat.bridge} (§2); an unknown name fails rather than guessing. */
@ApplicationScoped
public class ChatBridgeProducer {

    @Inject
    @ConfigProperty(name = "automations.chat.bridge", defaultValue = "embedded")
    String name;

    @Inject
    EmbeddedChatBridge embedded;

    @Produces
    @ApplicationScoped
    ChatBridge bridge() {
        if (!"embedded".equals(name)) {
            throw new IllegalStateException("Unknown automations.chat.bridge \"" + name + "\"; this build has: embedded");
        }
        return embedded;
    }
}
