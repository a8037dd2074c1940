package dev.automations.mcp.control;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent turn needs to reach an MCP server (§16).
 *
 * @param headers   in clear; never to be logged
 * @param updatedAt when the server was last changed: a change makes what was cached about it stale
 */
public record McpEndpoint(UUID id, String name, String url, Map<String, String> headers, Instant updatedAt) {

    /** Records print every component; this one holds secrets, and endpoints end up in log lines. */
    @Override
    public String toString() {
        return "McpEndpoint[id=" + id + ", name=" + name + ", url=" + url + ", headers=" + (headers.isEmpty() ? "none" : "[redacted]") + "]";
    }
}
