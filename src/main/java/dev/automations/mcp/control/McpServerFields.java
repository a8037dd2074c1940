package dev.automations.mcp.control;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/**
 * The fields of an MCP server as a client sends them, for create and PATCH alike (§16). What is required on create,
 * the URL rule and the headers' rules are checked by {@link McpServers}.
 */
public record McpServerFields(
        UUID organizationId,
        @Pattern(regexp = McpServerFields.NAME, message = "must be 1..64 letters, digits, '-' or '_'") String name,
        String url,
        JsonObject headers,
        Boolean enabled) {

    /** {@code allowed_tools} names a tool as {@code <server name>/<tool>}, so a name holds no {@code /}. */
    static final String NAME = "[A-Za-z0-9_-]{1,64}";

    public McpServerFields {
        name = name == null ? null : name.strip();
    }

    /** Records print every component; this one holds secrets. */
    @Override
    public String toString() {
        return "McpServerFields[organizationId=" + organizationId + ", name=" + name + ", url=" + url + ", headers="
                + (headers == null ? "null" : "[redacted]") + ", enabled=" + enabled + "]";
    }
}
