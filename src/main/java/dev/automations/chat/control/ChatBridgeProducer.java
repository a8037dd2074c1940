package dev.automations.chat.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.TreeSet;

/**
 * Selects the bridge named by {@code automations.chat.bridge} (§2): {@code embedded}, or one registered under
 * {@link BridgeName}. An unknown name stops the deployment rather than failing every firing later.
 */
@ApplicationScoped
public class ChatBridgeProducer {

    static final String EMBEDDED = "embedded";

    @Inject
    @ConfigProperty(name = "automations.chat.bridge", defaultValue = EMBEDDED)
    String name;

    @Inject
    EmbeddedChatBridge embedded;

    @Inject
    @Any
    Instance<ChatBridge> named;

    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        bridge();
    }

    @Produces
    @ApplicationScoped
    ChatBridge bridge() {
        if (EMBEDDED.equals(name)) {
            return embedded;
        }
        Instance<ChatBridge> chosen = named.select(new BridgeName.Literal(name));
        if (!chosen.isResolvable()) {
            TreeSet<String> known = new TreeSet<>();
            known.add(EMBEDDED);
            named.handles().forEach(h -> h.getBean().getQualifiers().stream().filter(BridgeName.class::isInstance)
                    .forEach(q -> known.add(((BridgeName) q).value())));
            throw new IllegalStateException("Unknown automations.chat.bridge \"" + name + "\"; this build has: " + String.join(", ", known));
        }
        return chosen.get();
    }
}
