package dev.automations.chat.control;

import dev.automations.chat.entity.Chat;
import dev.automations.chat.entity.ChatLabel;
import dev.automations.chat.entity.ChatMessage;
import dev.automations.platform.control.Clock;
import dev.automations.platform.entity.JsonText;
import dev.automations.platform.control.RowLock;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The default bridge: chats and messages in the service's database, written in the firing's own transaction.
 * Injectable only as itself; everyone else gets whichever bridge {@link ChatBridgeProducer} selects. */
@ApplicationScoped
@Typed(EmbeddedChatBridge.class)
public class EmbeddedChatBridge implements ChatBridge {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<ChatAwaitsAgent> awaitsAgent;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Filters of a chat search; null means "any". */
    public record Search(UUID ownerId, Map<String, String> labels, UUID automationId, Boolean archived) {
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UUID> chatToContinue(UUID ownerId, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        return search(new Search(ownerId, labels, null, false), Chat.class).setMaxResults(1).getResultStream().findFirst().map(Chat::id);
    }

    /** In the caller's transaction: a firing's chat commits with its event's outcome, or not at all. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID create(NewChat chat, String message, UUID eventId) {
        Instant now = Clock.now();
        Chat created = new Chat(chat.ownerId(), chat.organizationId(), chat.automationId(), chat.title(), chat.modelConfigId(),
                chat.mcpServerIds(), now);
        // Numbered before the insert, so the new chat is written once; nobody else sees it before commit, so no lock.
        ChatMessage first = created.receive(content(message), chat.createdBy(), eventId, now);
        em.persist(created);
        em.flush();
        held().locked().add(created.id());
        chat.labels().forEach((key, value) -> em.persist(new ChatLabel(created.id(), key, value)));
        persist(created, first, now);
        return created.id();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean append(UUID chatId, String message, UUID eventId) {
        receive(chatId, message, null, eventId);
        return true;
    }

    /**
     * Appends a user message under the chat's row lock, so its number and the chat's status change are decided one
     * message at a time, against a turn that may be finishing on another instance at that moment.
     */
    ChatMessage receive(UUID chatId, String text, UUID createdBy, UUID eventId) {
        Chat current = locked(chatId).orElseThrow();
        Instant now = Clock.now();
        ChatMessage message = current.receive(content(text), createdBy, eventId, now);
        persist(current, message, now);
        return message;
    }

    /**
     * The chat under its row lock, read again: a copy read before the lock may already be out of date. This
     * transaction's own changes are flushed first, so the fresh read keeps them. A chat this transaction locked before
     * is taken as it is: nobody else can have changed it since (a firing group's events often go to one chat).
     */
    Optional<Chat> locked(UUID chatId) {
        Held held = held();
        if (held.locked().contains(chatId)) {
            return Optional.ofNullable(em.find(Chat.class, chatId));
        }
        em.flush();
        if (!RowLock.lock(em, Chat.class, chatId)) {
            return Optional.empty();
        }
        held.locked().add(chatId);
        Chat chat = em.find(Chat.class, chatId);
        em.refresh(chat);
        return Optional.of(chat);
    }

    /**
     * A chat that became due is announced once per transaction, however many messages it took. One put back until
     * later is not: a turn started for it would lock it only to find it not due, while firing waits for that lock
     * (each continued event used to start one, for chats whose automation has no model).
     */
    private void persist(Chat chat, ChatMessage message, Instant now) {
        em.persist(message);
        if (chat.due(now) && held().announced().add(chat.id())) {
            awaitsAgent.fire(new ChatAwaitsAgent(chat.id()));
        }
    }

    /** What this transaction did to chats: kept with the transaction, so it is gone with it, committed or not. */
    private Held held() {
        Held held = (Held) transaction.getResource(Held.class);
        if (held == null) {
            held = new Held(new HashSet<>(), new HashSet<>());
            transaction.putResource(Held.class, held);
        }
        return held;
    }

    /** @param locked chats whose row lock this transaction holds; @param announced chats it announced as pending */
    private record Held(Set<UUID> locked, Set<UUID> announced) {
    }

    /**
     * Chats of one owner, newest activity first, carrying every given label: with (chat, key) unique, the chats
     * with as many matching label rows as labels asked for have them all. Found from the label index, so the cost
     * follows the chats carrying those labels, not all the owner's chats.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public <T> TypedQuery<T> search(Search search, Class<T> type) {
        LabelMatch labels = new LabelMatch(search.labels());
        StringBuilder jpql = new StringBuilder("SELECT c FROM Chat c WHERE c.ownerId = :owner");
        if (!labels.isEmpty()) {
            jpql.append(" AND ").append(labels.condition("c.id", "ChatLabel"));
        }
        if (search.automationId() != null) {
            jpql.append(" AND c.automationId = :automation");
        }
        if (search.archived() != null) {
            jpql.append(" AND c.archived = :archived");
        }
        jpql.append(" ORDER BY c.updatedAt DESC, c.id DESC");
        TypedQuery<T> query = em.createQuery(jpql.toString(), type).setParameter("owner", search.ownerId());
        if (!labels.isEmpty()) {
            labels.bind(query);
        }
        if (search.automationId() != null) {
            query.setParameter("automation", search.automationId());
        }
        if (search.archived() != null) {
            query.setParameter("archived", search.archived());
        }
        return query;
    }

    /** A message's parts as §11 shows them. */
    static String content(String text) {
        return TextContent.of(text).toString();
    }

    /** The text of a message's parts, as a model reads it. */
    static String text(String content) {
        return text(JsonText.read(content).asJsonArray());
    }

    static String text(JsonArray parts) {
        StringBuilder text = new StringBuilder();
        for (JsonValue part : parts) {
            JsonObject object = part.asJsonObject();
            if ("text".equals(object.getString("type", null))) {
                text.append(text.isEmpty() ? "" : "\n").append(object.getString("text", ""));
            }
        }
        return text.toString();
    }
}
