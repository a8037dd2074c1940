package dev.automations.mcp.control;

import dev.automations.mcp.entity.McpServer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The MCP server JSON of §16. The headers are never part of it, only whether there are any. */
public record McpServerView(UUID id, UUID organizationId, String name, String url, boolean hasHeaders, boolean enabled,
                            Instant createdAt, Instant updatedAt) {

    static McpServerView of(McpServer m) {
        return new McpServerView(m.id(), m.organizationId(), m.name(), m.url(), m.headers() != null, m.isEnabled(), m.createdAt(),
                m.updatedAt());
    }

    /** The audited fields by their JSON names; a change of headers is added to the diff as redacted. */
    Map<String, Object> auditFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("url", url);
        fields.put("has_headers", hasHeaders);
        fields.put("enabled", enabled);
        return fields;
    }
}
