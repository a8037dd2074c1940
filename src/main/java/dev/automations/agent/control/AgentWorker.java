package dev.automations.agent.control;

import dev.automations.agent.control.ModelClient.Answer;
import dev.automations.chat.control.ChatTurns.Said;
import dev.automations.event.control.ClaimsFirst;
import dev.automations.mcp.control.McpClients;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs turns on the EJB asynchronous pool while holding one of the instance's slots: the chat it was started for,
 * then any other due chat, until none is left, so a burst beyond the slots drains without waiting for the sweep.
 * Outside any transaction: each turn's claim and outcome are their own short transactions ({@link Turns}).
 */
@Stateless
public class AgentWorker {

    private static final Logger LOG = Logger.getLogger(AgentWorker.class.getName());
    private static final int CANDIDATES = 8;

    @Inject
    Turns turns;

    @Inject
    ModelClient model;

    @Inject
    TurnSlots slots;

    @Inject
    AgentMetrics metrics;

    @Inject
    Event<RetryScheduled> retries;

    @Inject
    McpClients mcp;

    @Inject
    AgentSettings settings;

    @Inject
    ClaimsFirst claimsFirst;

    /** The caller has taken a slot for this worker; the worker gives it back. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void work(UUID chatId) {
        try {
            run(chatId);
            while (runOneDue()) {
                // on to the next due chat
            }
        } catch (RuntimeException e) {
            // The chat stays running until its lease ends; then any instance's sweep takes the turn over.
            LOG.log(Level.WARNING, "Agent turn failed outside the model call; the sweep retries after the lease", e);
        } finally {
            slots.give();
        }
    }

    private boolean runOneDue() {
        List<UUID> due = turns.due(CANDIDATES);
        for (UUID chat : due) {
            if (run(chat)) {
                return true;
            }
        }
        return false;
    }

    /** @return whether this worker claimed the chat and ran a turn */
    private boolean run(UUID chatId) {
        claimsFirst.awaitClaims();
        Optional<Turn> claimed = turns.claim(chatId);
        if (claimed.isEmpty()) {
            return false;
        }
        Turn turn = claimed.get();
        long started = System.nanoTime();
        try (McpClients.Connections connections = mcp.connect(settings.toolTimeout(), settings.toolListCache())) {
            Toolbox toolbox = Toolbox.of(turn, connections, metrics);
            List<Said> transcript = new ArrayList<>(turn.transcript());
            for (int round = 0; ; round++) {
                boolean roundsLeft = round < settings.maxToolRounds();
                Answer answer = model.complete(turn.endpoint(), transcript, roundsLeft ? toolbox.specifications() : List.of());
                if (answer.toolCalls().isEmpty()) {
                    answered(turn, answer, started);
                    return true;
                }
                metrics.tokens(answer);
                Turn current = turn;
                Toolbox.Round executed = roundsLeft ? toolbox.run(answer.text(), answer.toolCalls(), () -> turns.renew(current))
                        : toolbox.refuse(answer.text(), answer.toolCalls(), roundLimit());
                Optional<Turn> next = executed == null ? Optional.empty()
                        : turns.toolRound(turn, executed.calls(), answer.promptTokens(), answer.completionTokens(), executed.results());
                if (next.isEmpty()) {
                    LOG.info(() -> "Chat " + chatId + ": the turn was taken over by another instance during its tool calls");
                    return true;
                }
                turn = next.get();
                transcript.add(new Said(Said.ASSISTANT, executed.calls()));
                transcript.add(new Said(Said.TOOL, executed.results()));
                if (!roundsLeft) {
                    throw ModelFailure.unusable("the model asked for tools again after the last of " + settings.maxToolRounds()
                            + " tool rounds (automations.agent.max-tool-rounds)");
                }
            }
        } catch (ModelFailure failure) {
            failed(turn, failure, started);
        }
        return true;
    }

    private String roundLimit() {
        return "no tool was called: this turn's limit of " + settings.maxToolRounds() + " tool rounds is reached";
    }

    private void answered(Turn turn, Answer answer, long started) {
        if (turns.answered(turn, answer)) {
            metrics.answered(answer, since(started));
        } else {
            LOG.info(() -> "Chat " + turn.claim().chatId() + ": the turn was taken over by another instance; its answer is dropped");
        }
    }

    private void failed(Turn turn, ModelFailure failure, long started) {
        UUID chatId = turn.claim().chatId();
        Turns.Failed failed = turns.failed(turn, failure);
        switch (failed.outcome()) {
            case RETRY -> {
                metrics.retried(since(started));
                retries.fire(new RetryScheduled(failed.retryAt()));
            }
            case ERROR -> metrics.failed(since(started));
            case TAKEN_OVER -> LOG.info(() -> "Chat " + chatId + ": the turn was taken over by another instance");
        }
        LOG.info(() -> "Chat " + chatId + ": model call failed (" + failed.outcome() + "): " + failure.getMessage());
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
