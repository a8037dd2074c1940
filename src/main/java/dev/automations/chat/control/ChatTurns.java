package dev.automations.chat.control;

import dev.automations.chat.entity.Chat;
import dev.automations.chat.entity.ChatMessage;
import dev.automations.chat.entity.ChatStatus;
import dev.automations.platform.entity.JsonText;
import dev.automations.platform.entity.WireName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The chat's side of an agent turn (§15): claiming a pending chat, and recording what came of the turn. Every write
 * joins the caller's transaction (the agent's EJB demarcates it) and takes the chat's row lock; the outcome of a turn is recorded only while its claim
 * still holds, so a turn taken over after its lease can never append a second answer.
 */
@ApplicationScoped
public class ChatTurns {

    @PersistenceContext
    EntityManager em;

    @Inject
    EmbeddedChatBridge store;

    /**
     * A claimed chat: the claim's token, whose model to ask, the automation whose tools it may use (null for none);
     * {@code through} is the last message the turn answers ({@link #transcript} reads them).
     */
    public record Claim(UUID chatId, UUID token, UUID organizationId, UUID modelConfigId, UUID automationId, long through,
                        int failedAttempts) {

        Claim after(int messages) {
            return new Claim(chatId, token, organizationId, modelConfigId, automationId, through + messages, failedAttempts);
        }
    }

    /** One message of the transcript: its role ({@code user}, {@code assistant} or {@code tool}) and its §11 parts. */
    public record Said(String role, JsonArray parts) {

        public static final String USER = ChatMessage.USER;
        public static final String ASSISTANT = ChatMessage.ASSISTANT;
        public static final String TOOL = ChatMessage.TOOL;

        public static Said user(String text) {
            return new Said(USER, TextContent.of(text));
        }

        public static Said assistant(String text) {
            return new Said(ASSISTANT, TextContent.of(text));
        }

        /** The text parts, joined by line breaks. */
        public String text() {
            return EmbeddedChatBridge.text(parts);
        }

        /** The parts of one type ({@link ToolParts#CALL}, {@link ToolParts#RESULT}), in order. */
        public List<JsonObject> parts(String type) {
            return parts.stream().map(JsonValue::asJsonObject).filter(part -> type.equals(part.getString("type", null))).toList();
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claim> claim(UUID chatId, Instant now, Duration lease) {
        UUID token = UUID.randomUUID();
        return store.locked(chatId).filter(chat -> chat.claim(token, now, lease)).map(chat -> new Claim(chat.id(), token,
                chat.organizationId(), chat.modelConfigId(), chat.automationId(), chat.lastSeq(), chat.failedAttempts()));
    }

    /**
     * Appends one tool round (§16) after the messages the turn has seen, queued messages moving up behind it, and
     * renews the turn's lease.
     *
     * @return the claim, now through the round's two messages; empty if the turn was taken over meanwhile
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claim> toolRound(Claim claim, JsonArray calls, Integer promptTokens, Integer completionTokens, JsonArray results,
                                     Instant now, Duration lease) {
        return held(claim).map(c -> {
            makeRoom(c, claim.through(), 2);
            c.toolRound(claim.through(), calls.toString(), promptTokens, completionTokens, results.toString(), now, lease)
                    .forEach(em::persist);
            return claim.after(2);
        });
    }

    /** @return whether the claim still held, and so was renewed */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean renew(Claim claim, Instant now, Duration lease) {
        Optional<Chat> chat = held(claim);
        chat.ifPresent(c -> c.renew(now, lease));
        return chat.isPresent();
    }

    /**
     * Appends the answer after the messages the turn sent. Messages queued meanwhile are renumbered to follow it, as
     * they reach the conversation only now (Coder's queue), and leave the chat pending for the next turn.
     *
     * @return whether the claim still held, i.e. the answer was stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean answer(Claim claim, String text, Integer promptTokens, Integer completionTokens, Instant now) {
        Optional<Chat> chat = held(claim);
        chat.ifPresent(c -> {
            makeRoom(c, claim.through(), 1);
            em.persist(c.answer(claim.through(), EmbeddedChatBridge.content(text), promptTokens, completionTokens, now));
        });
        return chat.isPresent();
    }

    /** A failed attempt, to be tried again from {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean retryAt(Claim claim, Instant at, String error) {
        Optional<Chat> chat = held(claim);
        chat.ifPresent(c -> c.retryAt(at, error));
        return chat.isPresent();
    }

    /** Back to pending without an attempt (nothing to ask yet), looked at again from {@code at}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean defer(Claim claim, Instant at, String error) {
        Optional<Chat> chat = held(claim);
        chat.ifPresent(c -> c.defer(at, error));
        return chat.isPresent();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean fail(Claim claim, String error) {
        Optional<Chat> chat = held(claim);
        chat.ifPresent(c -> c.fail(error));
        return chat.isPresent();
    }

    /**
     * Chats a turn may claim now: pending and due, or running on a lease that ran out. Those due longest come first;
     * a chat put back to wait (a retry, no model yet) goes behind the others, so a crowd of chats without a model
     * cannot keep the rest from their turn.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> due(Instant now, int max) {
        return em.createQuery("SELECT c.id FROM Chat c WHERE (c.status = :pending AND (c.notBefore IS NULL OR c.notBefore <= :now))"
                        + " OR (c.status = :running AND c.leaseUntil < :now) ORDER BY COALESCE(c.notBefore, c.updatedAt)", UUID.class)
                .setParameter("pending", ChatStatus.PENDING).setParameter("running", ChatStatus.RUNNING).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    /** The wire names of the chat statuses (§15). */
    public static List<String> statuses() {
        return WireName.all(ChatStatus.class);
    }

    /** Chats per status, by the statuses' wire names, every status present. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new LinkedHashMap<>();
        statuses().forEach(status -> counts.put(status, 0L));
        em.createQuery("SELECT c.status, COUNT(c) FROM Chat c GROUP BY c.status", Object[].class).getResultStream()
                .forEach(row -> counts.put(((ChatStatus) row[0]).wire(), (Long) row[1]));
        return counts;
    }

    /** Messages queued after {@code through} move up by {@code count}, as they reach the conversation only after the turn. */
    private void makeRoom(Chat chat, long through, int count) {
        em.createQuery("UPDATE ChatMessage m SET m.seq = m.seq + :count WHERE m.chatId = :chat AND m.seq > :through")
                .setParameter("count", (long) count).setParameter("chat", chat.id()).setParameter("through", through).executeUpdate();
    }

    private Optional<Chat> held(Claim claim) {
        return store.locked(claim.chatId()).filter(chat -> chat.holds(claim.token()));
    }

    /**
     * The claimed chat's messages, in order, in the claim's transaction: read only once a model is there to send
     * them to, since a chat with none goes back to pending at every message it takes, and its transcript only grows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Said> transcript(Claim claim) {
        return em.createQuery("SELECT m FROM ChatMessage m WHERE m.chatId = :chat ORDER BY m.seq", ChatMessage.class)
                .setParameter("chat", claim.chatId()).getResultStream().map(m -> new Said(m.role(), JsonText.read(m.content()).asJsonArray())).toList();
    }
}
