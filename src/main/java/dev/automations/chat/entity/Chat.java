package dev.automations.chat.entity;

import dev.automations.platform.entity.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A chat of the embedded bridge (§11) and the state of its agent turns (§15). Messages are numbered per chat
 * ({@code last_seq}); whoever appends one holds the chat's row lock, so the numbers follow commit order and a turn
 * knows exactly which messages it answered.
 */
@Entity
@Table(name = "chats")
public class Chat {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "automation_id")
    private UUID automationId;
    private String title;
    @Convert(converter = ChatStatusConverter.class)
    private ChatStatus status;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "last_seq")
    private long lastSeq;
    /** The claim of the running turn: only its holder may record the turn's outcome. */
    @Column(name = "turn_token")
    private UUID turnToken;
    @Column(name = "lease_until")
    private Instant leaseUntil;
    @Column(name = "failed_attempts")
    private int failedAttempts;
    /** A pending chat is not claimed before this (retry backoff, or the next look for a model config). */
    @Column(name = "not_before")
    private Instant notBefore;
    @Column(name = "client_type")
    private String clientType;
    @Column(name = "model_config_id")
    private UUID modelConfigId;
    @Column(name = "mcp_server_ids")
    private String mcpServerIds;
    private boolean archived;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Chat() {
    }

    public Chat(UUID ownerId, UUID organizationId, UUID automationId, String title, UUID modelConfigId, List<UUID> mcpServerIds, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.organizationId = organizationId;
        this.automationId = automationId;
        this.title = title;
        this.status = ChatStatus.PENDING;
        this.clientType = "api";
        this.modelConfigId = modelConfigId;
        this.mcpServerIds = JsonText.strings(mcpServerIds);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void retitle(String newTitle, Instant now) {
        title = newTitle;
        updatedAt = now;
    }

    public void archive(boolean value, Instant now) {
        archived = value;
        updatedAt = now;
    }

    /** A new message makes the chat the most recently updated, which is what continuing picks (§9). */
    public void touch(Instant now) {
        updatedAt = now;
    }

    /**
     * A user message, numbered after the others. It wakes an answered or failed chat; while a turn runs it queues for
     * the next turn (§15 step 4). The caller holds the chat's row lock.
     */
    public ChatMessage receive(String content, UUID createdBy, UUID eventId, Instant now) {
        if (status == ChatStatus.WAITING || status == ChatStatus.ERROR) {
            status = ChatStatus.PENDING;
            failedAttempts = 0;
            notBefore = null;
            lastError = null;
        }
        touch(now);
        return ChatMessage.user(id, ++lastSeq, content, createdBy, eventId, now);
    }

    /**
     * Pending and due now. A chat put back until later (no model yet, or a retry's backoff) is not: the sweep takes it
     * then, and a message it receives meanwhile does not make it due.
     */
    public boolean due(Instant now) {
        return status == ChatStatus.PENDING && (notBefore == null || !notBefore.isAfter(now));
    }

    /** Due, or running on a lease that ran out (its instance died): a turn may take it. */
    public boolean claim(UUID token, Instant now, Duration lease) {
        boolean due = due(now);
        boolean abandoned = status == ChatStatus.RUNNING && leaseUntil != null && leaseUntil.isBefore(now);
        if (!due && !abandoned) {
            return false;
        }
        status = ChatStatus.RUNNING;
        turnToken = token;
        leaseUntil = now.plus(lease);
        return true;
    }

    /** Whether the turn with this claim still runs the chat, i.e. was not taken over after its lease ran out. */
    public boolean holds(UUID token) {
        return status == ChatStatus.RUNNING && token.equals(turnToken);
    }

    /**
     * The agent's answer to messages 1..{@code through}, placed right after them: messages queued during the turn have
     * been moved up by one, and make the chat pending again for the next turn.
     */
    public ChatMessage answer(long through, String content, Integer promptTokens, Integer completionTokens, Instant now) {
        lastSeq++;
        status = lastSeq > through + 1 ? ChatStatus.PENDING : ChatStatus.WAITING;
        failedAttempts = 0;
        lastError = null;
        notBefore = null;
        endTurn();
        touch(now);
        return ChatMessage.assistant(id, through + 1, content, promptTokens, completionTokens, now);
    }

    /**
     * One tool round of a running turn (§16): the agent's tool calls and their results, placed after message
     * {@code through} like an answer. The turn goes on, on a renewed lease.
     */
    public List<ChatMessage> toolRound(long through, String calls, Integer promptTokens, Integer completionTokens, String results,
                                       Instant now, Duration lease) {
        lastSeq += 2;
        leaseUntil = now.plus(lease);
        touch(now);
        return List.of(ChatMessage.assistant(id, through + 1, calls, promptTokens, completionTokens, now),
                ChatMessage.tool(id, through + 2, results, now));
    }

    /** The running turn is still alive: its lease runs from now again. */
    public void renew(Instant now, Duration lease) {
        leaseUntil = now.plus(lease);
    }

    /** A failed attempt that will be tried again at {@code at}. */
    public void retryAt(Instant at, String error) {
        failedAttempts++;
        defer(at, error);
    }

    /** Back to pending without counting an attempt (no model is configured yet), looked at again from {@code at}. */
    public void defer(Instant at, String error) {
        status = ChatStatus.PENDING;
        notBefore = at;
        lastError = error;
        endTurn();
    }

    public void fail(String error) {
        status = ChatStatus.ERROR;
        lastError = error;
        endTurn();
    }

    /** {@code POST …/retry} (§15 step 5): a failed chat is queued again with a fresh count of attempts. */
    public boolean retry() {
        if (status != ChatStatus.ERROR) {
            return false;
        }
        status = ChatStatus.PENDING;
        failedAttempts = 0;
        notBefore = null;
        lastError = null;
        return true;
    }

    private void endTurn() {
        turnToken = null;
        leaseUntil = null;
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID automationId() {
        return automationId;
    }

    public String title() {
        return title;
    }

    public ChatStatus status() {
        return status;
    }

    public String lastError() {
        return lastError;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public int failedAttempts() {
        return failedAttempts;
    }

    public UUID modelConfigId() {
        return modelConfigId;
    }

    public String clientType() {
        return clientType;
    }

    public boolean archived() {
        return archived;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
