package dev.automations.agent.control;

import dev.automations.chat.control.ChatTurns.Claim;
import dev.automations.chat.control.ChatTurns.Said;
import dev.automations.mcp.control.McpEndpoint;
import dev.automations.model.control.ModelEndpoint;

import java.util.List;

/**
 * A claimed chat, its messages as claimed, the model that answers it, and the tools it may use (§16): the MCP servers
 * of its automation that are enabled, narrowed by the automation's {@code allowed_tools} (empty: all of their tools).
 */
public record Turn(Claim claim, List<Said> transcript, ModelEndpoint endpoint, List<McpEndpoint> mcpServers,
                   List<String> allowedTools) {

    Turn with(Claim newClaim) {
        return new Turn(newClaim, transcript, endpoint, mcpServers, allowedTools);
    }
}
