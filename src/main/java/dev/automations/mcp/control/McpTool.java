package dev.automations.mcp.control;

import java.util.Map;

/**
 * A tool as an MCP server lists it (§16).
 *
 * @param inputSchema the JSON Schema of its arguments, as parsed JSON (maps, lists, strings, numbers, booleans)
 */
public record McpTool(String name, String description, Map<String, Object> inputSchema) {
}
