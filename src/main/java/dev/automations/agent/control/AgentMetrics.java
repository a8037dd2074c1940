package dev.automations.agent.control;

import dev.automations.agent.control.ModelClient.Answer;
import dev.automations.chat.control.ChatTurns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;

/**
 * §15: {@code automations_agent_turns_total{outcome}}, {@code automations_agent_turn_seconds} (one attempt, claim to
 * outcome), {@code automations_agent_tokens_total{kind}} and the {@code automations_agent_chats{status}} gauge; §16:
 * {@code automations_agent_tool_calls_total{outcome}}.
 */
@ApplicationScoped
public class AgentMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    ChatTurns chats;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        for (String status : ChatTurns.statuses()) {
            registry.gauge(new MetricID("automations_agent_chats", new Tag("status", status)), this, m -> m.count(status));
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
            registry.counter("automations_agent_tokens", new Tag("kind", "prompt")).inc(answer.promptTokens());
        }
        if (answer.completionTokens() != null) {
            registry.counter("automations_agent_tokens", new Tag("kind", "completion")).inc(answer.completionTokens());
        }
    }

    /**
     * §16: {@code automations_agent_tool_calls_total{outcome}}, outcome {@code ok|error|timeout|unreachable|not_allowed|unknown|round_limit}.
     * Tool names stay out of the labels: the model chooses them, so they would be unbounded.
     */
    void toolCall(String outcome) {
        registry.counter("automations_agent_tool_calls", new Tag("outcome", outcome)).inc();
    }

    void retried(Duration took) {
        turn("retried", took);
    }

    void failed(Duration took) {
        turn("error", took);
    }

    private void turn(String outcome, Duration took) {
        registry.counter("automations_agent_turns", new Tag("outcome", outcome)).inc();
        registry.timer("automations_agent_turn").update(took);
    }
}
