package dev.automations.chat.control;

import dev.automations.chat.entity.Chat;
import dev.automations.chat.entity.ChatLabel;
import dev.automations.chat.entity.ChatMessage;
import dev.automations.platform.control.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The default bridge: chats and messages in the service's database, written in the firing's own transaction.
 * Injectable only as itself; everyone else gets whichever bridge {@link ChatBridgeProducer} selects. */
@ApplicationScoped
@Transactional
@Typed(EmbeddedChatBridge.class)
public class EmbeddedChatBridge implements ChatBridge {

    @PersistenceContext
    EntityManager em;

    /** Filters of a chat search; null means "any". */
    public record Search(UUID ownerId, Map<String, String> labels, UUID automationId, Boolean archived) {
    }

    @Override
    public Optional<UUID> chatToContinue(UUID ownerId, Map<String, String> labels) {
        if (labels.isEmpty()) {
            return Optional.empty();
        }
        return search(new Search(ownerId, labels, null, false), Chat.class).setMaxResults(1).getResultStream().findFirst().map(Chat::id);
    }

    @Override
    public UUID create(NewChat chat, String message, UUID eventId) {
        Instant now = Clock.now();
        Chat created = new Chat(chat.ownerId(), chat.organizationId(), chat.automationId(), chat.title(), chat.modelConfigId(),
                chat.mcpServerIds(), now);
        em.persist(created);
        em.flush();
        chat.labels().forEach((key, value) -> em.persist(new ChatLabel(created.id(), key, value)));
        em.persist(new ChatMessage(created.id(), content(message), chat.createdBy(), eventId, now));
        return created.id();
    }

    @Override
    public boolean append(UUID chatId, String message, UUID eventId) {
        Instant now = Clock.now();
        em.find(Chat.class, chatId).touch(now);
        em.persist(new ChatMessage(chatId, content(message), null, eventId, now));
        return true;
    }

    /** Chats of one owner, newest activity first, carrying every given label. */
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
}
