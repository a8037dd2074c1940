package dev.automations.agent.control;

import dev.automations.agent.control.ModelClient.Answer;
import dev.automations.automation.control.AutomationLookup;
import dev.automations.automation.control.AutomationView;
import dev.automations.chat.control.ChatTurns;
import dev.automations.chat.control.ChatTurns.Claim;
import dev.automations.mcp.control.McpEndpoints;
import dev.automations.model.control.ModelEndpoint;
import dev.automations.model.control.ModelEndpoints;
import dev.automations.platform.control.Clock;
import dev.automations.secret.control.UnreadableSecretException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The short transactions around a model call: the claim before it, the outcome after it. Nothing is held open while
 * the model thinks. EJB demarcation, because these run on async and timer threads, where CDI {@code @Transactional}
 * gave no real transaction on Payara.
 */
@Stateless
public class Turns {

    static final String NO_MODEL = "no model is configured: the chat has no model config and its organization no default";

    @Inject
    ChatTurns chats;

    @Inject
    ModelEndpoints endpoints;

    @Inject
    AgentSettings settings;

    @Inject
    AutomationLookup automations;

    @Inject
    McpEndpoints mcpServers;

    /** What came of a failed attempt: another at {@code retryAt}, {@code error}, or nothing (the turn was taken over). */
    public record Failed(Outcome outcome, Instant retryAt) {
        public enum Outcome { RETRY, ERROR, TAKEN_OVER }
    }

    /**
     * Claims the chat if it is due and resolves its model. A chat with no model to ask goes back to pending, to be
     * looked at again by a later sweep (a model config may have been created meanwhile).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Turn> claim(UUID chatId) {
        Instant now = Clock.now();
        Optional<Claim> claim = chats.claim(chatId, now, settings.lease());
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelEndpoint> endpoint;
        try {
            endpoint = endpoints.resolve(claim.get().organizationId(), claim.get().modelConfigId());
        } catch (UnreadableSecretException e) {
            // Asking again will not help until the key is configured again or the api key set anew; then retry the chat.
            chats.fail(claim.get(), "the model config's api key cannot be opened: the secret key that sealed it is no longer configured");
            return Optional.empty();
        }
        if (endpoint.isEmpty()) {
            chats.defer(claim.get(), now.plus(settings.sweepPeriod()), NO_MODEL);
            return Optional.empty();
        }
        Optional<AutomationView> automation = Optional.ofNullable(claim.get().automationId()).flatMap(automations::find);
        return Optional.of(new Turn(claim.get(), chats.transcript(claim.get()), endpoint.get(),
                automation.map(a -> mcpServers.resolve(a.organizationId(), a.mcpServerIds())).orElse(List.of()),
                automation.map(AutomationView::allowedTools).orElse(List.of())));
    }

    /**
     * Stores one tool round and renews the lease (§16).
     *
     * @return the turn, through the round; empty if it was taken over meanwhile
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Turn> toolRound(Turn turn, JsonArray calls, Integer promptTokens, Integer completionTokens, JsonArray results) {
        return chats.toolRound(turn.claim(), calls, promptTokens, completionTokens, results, Clock.now(), settings.lease()).map(turn::with);
    }

    /** @return false if the turn was taken over meanwhile */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean renew(Turn turn) {
        return chats.renew(turn.claim(), Clock.now(), settings.lease());
    }

    /** @return false if the turn was taken over meanwhile, and the answer dropped */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean answered(Turn turn, Answer answer) {
        return chats.answer(turn.claim(), answer.text(), answer.promptTokens(), answer.completionTokens(), Clock.now());
    }

    /** Schedules the next attempt, or ends in {@code error} when no attempt is left or retrying cannot help. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Failed failed(Turn turn, ModelFailure failure) {
        int attempt = turn.claim().failedAttempts() + 1;
        if (failure.retriable() && attempt < settings.maxAttempts()) {
            Instant retryAt = Clock.now().plus(Backoff.delay(attempt, failure.retryAfter()));
            String error = "attempt " + attempt + " of " + settings.maxAttempts() + " failed, next at " + retryAt + ": " + failure.getMessage();
            return new Failed(chats.retryAt(turn.claim(), retryAt, error) ? Failed.Outcome.RETRY : Failed.Outcome.TAKEN_OVER, retryAt);
        }
        String error = failure.retriable() ? "gave up after " + attempt + " attempts: " + failure.getMessage() : failure.getMessage();
        return new Failed(chats.fail(turn.claim(), error) ? Failed.Outcome.ERROR : Failed.Outcome.TAKEN_OVER, null);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<UUID> due(int max) {
        return chats.due(Clock.now(), max);
    }
}
