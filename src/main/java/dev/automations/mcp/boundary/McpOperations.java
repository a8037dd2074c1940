package dev.automations.mcp.boundary;

import dev.automations.mcp.control.McpServerFields;
import dev.automations.mcp.control.McpServerView;
import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.SIGNED_IN;
import static dev.automations.platform.boundary.Endpoint.listOf;

/** MCP servers (§16) for the OpenAPI document. */
public class McpOperations implements Operations {

    @Override
    public List<Endpoint> operations() {
        return List.of(
                new Endpoint(McpServersResource.class, "create", "createMcpServer", "Add an MCP server; its headers are never shown",
                        SIGNED_IN, 201, McpServerView.class, null, 403, 404, 409),
                new Endpoint(McpServersResource.class, "list", "listMcpServers", "MCP servers", SIGNED_IN, 200,
                        listOf(McpServerView.class), null, 400),
                new Endpoint(McpServersResource.class, "get", "getMcpServer", "An MCP server", SIGNED_IN, 200, McpServerView.class, null),
                new Endpoint(McpServersResource.class, "update", "updateMcpServer", "Change an MCP server", SIGNED_IN, 200,
                        McpServerView.class, McpServerFields.class, 403, 409),
                new Endpoint(McpServersResource.class, "delete", "deleteMcpServer", "Delete an MCP server", SIGNED_IN, 204, null, null,
                        403));
    }
}
