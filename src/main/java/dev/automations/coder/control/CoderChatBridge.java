package dev.automations.coder.control;

import dev.automations.chat.control.BridgeName;
import dev.automations.chat.control.ChatBridge;
import dev.automations.chat.control.LabelMatch;
import dev.automations.chat.control.TextContent;
import dev.automations.coder.entity.RemoteChat;
import dev.automations.coder.entity.RemoteChatLabel;
import dev.automations.platform.control.Clock;
import dev.automations.platform.entity.JsonText;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code automations.chat.bridge=coder} (§17): fired events become chats of a Coder deployment, created and continued
 * through its chats API. Which chat to continue is decided here, over the chats this service created there, so §9's
 * rule needs no listing of the deployment's chats. Runs in the firing's transaction and under its row lock, remote
 * calls included: a limit is exact only if the chat it counts exists before the next firing decides.
 * Not {@code @Transactional}: a CDI transaction interceptor would mark the firing's transaction for rollback on a
 * {@link CoderFailure}, and the event would not stay {@code error}.
 */
@ApplicationScoped
@BridgeName(CoderChatBridge.NAME)
public class CoderChatBridge implements ChatBridge {

    static final String NAME = "coder";

    @PersistenceContext
    EntityManager em;

    @Inject
    Config config;

    private CoderSettings settings;
    private CoderClient client;
    private CoderProbe probe;

    /** A deployment told to use Coder without the settings for it stops, rather than failing every event later. */
    static void checkAtStartup(@Observes @Initialized(ApplicationScoped.class) Object started,
                               @ConfigProperty(name = "automations.chat.bridge", defaultValue = "embedded") String bridge, Config config) {
        if (NAME.equals(bridge)) {
            CoderSettings.from(key -> config.getOptionalValue(key, String.class));
        }
    }

    @PostConstruct
    void start() {
        settings = CoderSettings.from(key -> config.getOptionalValue(key, String.class));
        client = new CoderClient(settings);
        probe = new CoderProbe(client, settings);
    }

    @Override
    public Optional<UUID> chatToContinue(UUID ownerId, Map<String, String> labels) {
        LabelMatch match = new LabelMatch(labels);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        String jpql = "SELECT c.id FROM RemoteChat c WHERE c.ownerId = :owner AND c.archived = FALSE AND "
                + match.condition("c.id", "RemoteChatLabel") + " ORDER BY c.updatedAt DESC, c.id DESC";
        return match.bind(em.createQuery(jpql, UUID.class)).setParameter("owner", ownerId).setMaxResults(1).getResultStream().findFirst();
    }

    /** {@code POST <prefix>/chats} with Coder's {@code CreateChatRequest}; Coder titles the chat itself. */
    @Override
    public UUID create(NewChat chat, String message, UUID eventId) {
        JsonObjectBuilder labels = JsonText.JSON.createObjectBuilder();
        chat.labels().forEach(labels::add);
        JsonObjectBuilder body = JsonText.JSON.createObjectBuilder()
                .add("organization_id", settings.organizationId().toString())
                .add("content", TextContent.of(message))
                .add("labels", labels)
                .add("client_type", "api");
        if (chat.modelConfigId() != null) {
            body.add("model_config_id", chat.modelConfigId().toString());
        }
        if (!chat.mcpServerIds().isEmpty()) {
            body.add("mcp_server_ids", JsonText.JSON.createArrayBuilder(chat.mcpServerIds().stream().map(UUID::toString).toList()));
        }
        JsonObject created = client.post("/chats", body.build());
        UUID id = chatId(created).orElseThrow(() -> new CoderFailure(201,
                "coder POST " + settings.prefix() + "/chats answered without a chat id"));
        Instant now = Clock.now();
        em.persist(new RemoteChat(id, chat.ownerId(), settings.organizationId(), chat.automationId(), now));
        em.flush();
        chat.labels().forEach((key, value) -> em.persist(new RemoteChatLabel(id, key, value)));
        return id;
    }

    /**
     * {@code POST <prefix>/chats/{id}/messages} with Coder's {@code CreateChatMessageRequest}, queued behind a running
     * turn. A chat Coder no longer has (404, 410) or has archived (400, confirmed by reading the chat) is archived here.
     */
    @Override
    public boolean append(UUID chatId, String message, UUID eventId) {
        JsonObject body = JsonText.JSON.createObjectBuilder().add("content", TextContent.of(message)).add("busy_behavior", "queue").build();
        RemoteChat chat = em.find(RemoteChat.class, chatId);
        try {
            client.post("/chats/" + chatId + "/messages", body);
        } catch (CoderFailure failure) {
            if (failure.status() == 404 || failure.status() == 410 || (failure.status() == 400 && archivedRemotely(chatId))) {
                chat.archive(Clock.now());
                em.flush();
                return false;
            }
            throw failure;
        }
        chat.touch(Clock.now());
        return true;
    }

    @Override
    public Map<String, Object> health() {
        return probe.health();
    }

    /** Coder answers 400 to a message for an archived chat; only the chat itself says whether that was the reason. */
    private boolean archivedRemotely(UUID chatId) {
        try {
            JsonObject read = client.get("/chats/" + chatId);
            // Coder's first chats release answered a ChatWithMessages here ({"chat": {...}, "messages": [...]}).
            JsonObject chat = read.get("chat") instanceof JsonObject inner ? inner : read;
            return chat.get("archived") == JsonValue.TRUE;
        } catch (CoderFailure failure) {
            return failure.status() == 404 || failure.status() == 410;
        }
    }

    private static Optional<UUID> chatId(JsonObject chat) {
        try {
            return chat.get("id") instanceof JsonString id ? Optional.of(UUID.fromString(id.getString())) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
