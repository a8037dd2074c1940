package dev.automations.mcp.control;

/** What a tool call returned: its content as text for the model, and whether the tool reported an error. */
public record McpResult(String output, boolean isError) {
}
