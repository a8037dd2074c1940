package dev.automations.agent.control;

import dev.automations.chat.control.ChatTurns.Claim;
import dev.automations.model.control.ModelEndpoint;

/** A claimed chat and the model that answers it. */
public record Turn(Claim claim, ModelEndpoint endpoint) {
}
