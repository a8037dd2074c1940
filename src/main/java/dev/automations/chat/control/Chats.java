package dev.automations.chat.control;

import dev.automations.chat.control.ChatBridge.NewChat;
import dev.automations.chat.control.ChatViews.ChatChanges;
import dev.automations.chat.control.ChatViews.ChatView;
import dev.automations.chat.control.ChatViews.MessageView;
import dev.automations.chat.control.ChatViews.Messages;
import dev.automations.chat.control.ChatViews.NewChatRequest;
import dev.automations.chat.entity.Chat;
import dev.automations.chat.entity.ChatLabel;
import dev.automations.chat.entity.ChatMessage;
import dev.automations.filter.LabelPaths;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.Patch;
import dev.automations.security.control.Caller;
import dev.automations.security.control.CurrentCaller;
import dev.automations.security.control.Organizations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The embedded bridge's chats (§11). Owners read and write their own; a site owner reads all; anyone else gets 404. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Chats {

    private static final int MAX_LABEL_VALUE = 256;

    @PersistenceContext
    EntityManager em;

    @Inject
    EmbeddedChatBridge store;

    @Inject
    CurrentCaller caller;

    @Inject
    Organizations organizations;

    @Inject
    Event<ChatAwaitsAgent> awaitsAgent;

    public List<ChatView> list(List<String> labelFilters, UUID automation, Boolean archived, Page page) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String filter : labelFilters) {
            int colon = filter.indexOf(':');
            if (colon < 1) {
                throw ApiException.invalidField("label", "must be key:value");
            }
            labels.put(filter.substring(0, colon), filter.substring(colon + 1));
        }
        List<Chat> chats = store.search(new EmbeddedChatBridge.Search(caller.get().userId(), labels, automation, archived), Chat.class)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        Map<UUID, Map<String, String>> labelsByChat = labelsOf(chats.stream().map(Chat::id).toList());
        return chats.stream().map(c -> ChatView.of(c, labelsByChat.getOrDefault(c.id(), Map.of()))).toList();
    }

    public ChatView get(UUID chat) {
        Chat found = readable(chat);
        return ChatView.of(found, labelsOf(List.of(found.id())).getOrDefault(found.id(), Map.of()));
    }

    public Messages messages(UUID chat, Page page) {
        Chat found = readable(chat);
        List<ChatMessage> rows = em.createQuery("SELECT m FROM ChatMessage m WHERE m.chatId = :chat ORDER BY m.seq", ChatMessage.class)
                .setParameter("chat", found.id()).setFirstResult(page.offset()).setMaxResults(page.limit() + 1).getResultList();
        boolean more = rows.size() > page.limit();
        return new Messages(rows.stream().limit(page.limit()).map(MessageView::of).toList(), more);
    }

    public ChatView create(NewChatRequest request) {
        Caller me = caller.get();
        if (!organizations.isMember(request.organizationId(), me.userId())) {
            throw ApiException.invalidField("organization_id", "you are not a member of this organization");
        }
        Map<String, String> labels = labels(request.labels());
        String title = request.title() == null ? request.content().strip().lines().findFirst().orElse("New chat") : request.title();
        UUID id = store.create(new NewChat(me.userId(), request.organizationId(), null, cut(title, 256), labels, null, List.of(), me.userId()),
                request.content(), null);
        return get(id);
    }

    /** A person's message: it starts a turn of the agent, or queues for the next one while a turn runs (§15). */
    public MessageView post(UUID chat, String content) {
        return MessageView.of(store.receive(owned(chat).id(), content, caller.get().userId(), null));
    }

    /** Queues a failed chat for another turn; a chat in any other status is a 409. */
    public ChatView retry(UUID chat) {
        Chat found = store.locked(owned(chat).id()).orElseThrow(ApiException::notFound);
        if (!found.retry()) {
            throw ApiException.conflict("Only a chat in status error can be retried; this one is " + found.status().wire() + ".");
        }
        awaitsAgent.fire(new ChatAwaitsAgent(found.id()));
        return get(chat);
    }

    public void update(UUID chat, Patch<ChatChanges> patch) {
        Chat found = owned(chat);
        Instant now = Clock.now();
        if (patch.hasValue("title", patch.values().title())) {
            found.retitle(patch.values().title(), now);
        }
        if (patch.hasValue("archived", patch.values().archived())) {
            found.archive(patch.values().archived(), now);
        }
        if (patch.has("labels")) {
            Map<String, String> labels = labels(patch.values().labels());
            em.createQuery("DELETE FROM ChatLabel l WHERE l.chatId = :chat").setParameter("chat", found.id()).executeUpdate();
            labels.forEach((k, v) -> em.persist(new ChatLabel(found.id(), k, v)));
            found.touch(now);
        }
    }

    private Chat readable(UUID chat) {
        Chat found = em.find(Chat.class, chat);
        Caller me = caller.get();
        if (found == null || (!found.ownerId().equals(me.userId()) && !me.isSiteOwner())) {
            throw ApiException.notFound();
        }
        return found;
    }

    private Chat owned(UUID chat) {
        Chat found = readable(chat);
        if (!found.ownerId().equals(caller.get().userId())) {
            throw ApiException.forbidden("Only the chat's owner may change it.");
        }
        return found;
    }

    private Map<UUID, Map<String, String>> labelsOf(List<UUID> chats) {
        if (chats.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT l FROM ChatLabel l WHERE l.chatId IN :chats ORDER BY l.key", ChatLabel.class)
                .setParameter("chats", chats).getResultStream()
                .collect(Collectors.groupingBy(ChatLabel::chatId, Collectors.toMap(ChatLabel::key, ChatLabel::value, (a, b) -> a, LinkedHashMap::new)));
    }

    /** Labels follow §8's key rules; values are cut to 256 characters. */
    private static Map<String, String> labels(JsonObject json) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (json == null) {
            return labels;
        }
        json.forEach((key, value) -> {
            if (!LabelPaths.isValidKey(key) || !(value instanceof JsonString text)) {
                throw ApiException.invalidField("labels", "keys are 1..64 of [A-Za-z0-9_.:/-] and values are strings");
            }
            labels.put(key, cut(text.getString(), MAX_LABEL_VALUE));
        });
        return labels;
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
