package dev.automations.agent.control;

import dev.automations.agent.control.ModelClient.Answer;
import dev.automations.chat.control.ChatTurns;
import dev.automations.metrics.control.Counter;
import dev.automations.metrics.control.Gauge;
import dev.automations.metrics.control.Histogram;
import dev.automations.metrics.control.Registry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Duration;

/**
 * §15: {@code automations_agent_turns_total{outcome}}, {@code automations_agent_turn_seconds} (one attempt, claim to
 * outcome), {@code automations_agent_tokens_total{kind}} and the {@code automations_agent_chats{status}} gauge; §16:
 * {@code automations_agent_tool_calls_total{outcome}}.
 */
@ApplicationScoped
public class AgentMetrics {

    /** From a quick answer to the longest wait for one (automations.agent.timeout, 120 s by default) and beyond. */
    private static final double[] TURN_SECONDS = {0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300};

    @Inject
    Registry registry;

    @Inject
    ChatTurns chats;

    private Counter turns;
    private Histogram turnSeconds;
    private Counter tokens;
    private Counter toolCalls;

    /** Created at startup, so its metrics are scraped at zero before the first turn. */
    void createdAtStartup(@Observes Startup startup) {
    }

    @PostConstruct
    void register() {
        turns = registry.counter("automations_agent_turns_total", "Agent turn attempts, by outcome.", "outcome");
        turnSeconds = registry.histogram("automations_agent_turn_seconds", "One attempt of an agent turn, from claim to outcome.",
                TURN_SECONDS);
        tokens = registry.counter("automations_agent_tokens_total", "Model tokens used by agent turns, by kind.", "kind");
        toolCalls = registry.counter("automations_agent_tool_calls_total", "Tool calls of agent turns, by outcome.", "outcome");
        Gauge chatsByStatus = registry.gauge("automations_agent_chats", "Chats by agent status.", "status");
        for (String status : ChatTurns.statuses()) {
            chatsByStatus.track(() -> count(status), status);
        }
    }

    /**
     * One scrape reads each status's gauge in turn; each runs the grouped count, one indexed query. A scrape during a
     * database outage reports "unknown" rather than failing the whole metrics page.
     */
    double count(String status) {
        try {
            return chats.countByStatus().get(status);
        } catch (PersistenceException e) {
            return Double.NaN;
        }
    }

    void answered(Answer answer, Duration took) {
        turn("answered", took);
        tokens(answer);
    }

    /** The tokens of every model call, the calls of tool rounds (§16) included. */
    void tokens(Answer answer) {
        if (answer.promptTokens() != null) {
            tokens.add(answer.promptTokens(), "prompt");
        }
        if (answer.completionTokens() != null) {
            tokens.add(answer.completionTokens(), "completion");
        }
    }

    /**
     * §16: {@code automations_agent_tool_calls_total{outcome}}, outcome {@code ok|error|timeout|unreachable|not_allowed|unknown|round_limit}.
     * Tool names stay out of the labels: the model chooses them, so they would be unbounded.
     */
    void toolCall(String outcome) {
        toolCalls.inc(outcome);
    }

    void retried(Duration took) {
        turn("retried", took);
    }

    void failed(Duration took) {
        turn("error", took);
    }

    private void turn(String outcome, Duration took) {
        turns.inc(outcome);
        turnSeconds.observe(took);
    }
}
