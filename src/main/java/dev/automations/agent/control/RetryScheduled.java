package dev.automations.agent.control;

import java.time.Instant;

/** A chat's next attempt falls due at {@code at}; the agent's timer wakes the sweep then, rather than at its next period. */
public record RetryScheduled(Instant at) {
}
