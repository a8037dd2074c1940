package dev.automations.chat.control;

import java.util.UUID;

/**
 * A chat became pending: a user message waits for the agent (§15 step 1). Observed after the transaction commits,
 * by whichever feature answers chats; the chat feature itself does not know who that is.
 */
public record ChatAwaitsAgent(UUID chatId) {
}
