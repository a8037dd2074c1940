package dev.automations.agent.control;

import dev.automations.agent.control.ModelClient.ToolCall;
import dev.automations.chat.control.ToolParts;
import dev.automations.mcp.control.McpClients;
import dev.automations.mcp.control.McpEndpoint;
import dev.automations.mcp.control.McpFailure;
import dev.automations.mcp.control.McpResult;
import dev.automations.mcp.control.McpTool;
import dev.automations.platform.entity.JsonText;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The tools of one turn (§16): what the chat's MCP servers list, narrowed by {@code allowed_tools}, offered to the
 * model as functions; and the model's calls, run through MCP. Whatever goes wrong with a call (a tool that is not
 * offered, fails or times out, a server that is down) becomes an {@code is_error} result for the model, never a
 * failure of the turn.
 */
final class Toolbox {

    /** Function names as chat-completions accepts them. */
    private static final int MAX_NAME = 64;

    private record Offered(McpEndpoint server, McpTool tool, ToolSpecification specification) {
    }

    /** One tool round as stored: the calls (the agent's message) and their results (the tool message). */
    record Round(JsonArray calls, JsonArray results) {
    }

    private final McpClients.Connections connections;
    private final AgentMetrics metrics;
    private final Map<String, Offered> offered = new LinkedHashMap<>();
    private final Set<String> refused = new HashSet<>();
    private final List<String> unreachable = new ArrayList<>();

    private Toolbox(McpClients.Connections connections, AgentMetrics metrics) {
        this.connections = connections;
        this.metrics = metrics;
    }

    /** Lists the tools of the turn's servers; a server that cannot list them is noted, and offers none. */
    static Toolbox of(Turn turn, McpClients.Connections connections, AgentMetrics metrics) {
        Toolbox toolbox = new Toolbox(connections, metrics);
        Map<McpEndpoint, List<McpTool>> listed = new LinkedHashMap<>();
        for (McpEndpoint server : turn.mcpServers()) {
            try {
                listed.put(server, connections.tools(server));
            } catch (McpFailure e) {
                toolbox.unreachable.add(e.getMessage());
            }
        }
        Map<String, Integer> plainNames = new HashMap<>();
        listed.values().forEach(tools -> tools.forEach(tool -> plainNames.merge(functionName(tool.name()), 1, Integer::sum)));
        listed.forEach((server, tools) -> tools.forEach(tool -> {
            String plain = functionName(tool.name());
            String name = plainNames.get(plain) > 1 ? functionName(server.name() + "__" + tool.name()) : plain;
            if (allowed(turn.allowedTools(), server, tool)) {
                toolbox.offered.putIfAbsent(name, new Offered(server, tool, specification(name, tool)));
            } else {
                toolbox.refused.add(name);
            }
        }));
        return toolbox;
    }

    List<ToolSpecification> specifications() {
        return offered.values().stream().map(Offered::specification).toList();
    }

    /**
     * Runs the calls one after another, renewing the turn's lease before each.
     *
     * @return the round, or null if a renewal found the turn taken over (its remaining calls are not made)
     */
    Round run(String text, List<ToolCall> calls, BooleanSupplier renew) {
        JsonArrayBuilder results = JsonText.JSON.createArrayBuilder();
        for (ToolCall call : calls) {
            if (!renew.getAsBoolean()) {
                return null;
            }
            results.add(result(call));
        }
        return new Round(callParts(text, calls), results.build());
    }

    /** The calls of an answer made when no round was left: none is made, each gets {@code why} as its error. */
    Round refuse(String text, List<ToolCall> calls, String why) {
        JsonArrayBuilder results = JsonText.JSON.createArrayBuilder();
        calls.forEach(call -> results.add(error(call, "round_limit", why)));
        return new Round(callParts(text, calls), results.build());
    }

    private JsonObject result(ToolCall call) {
        Offered tool = offered.get(call.name());
        if (tool == null) {
            return refused.contains(call.name()) ? error(call, "not_allowed", "the tool " + call.name() + " is not allowed for this automation")
                    : error(call, "unknown", "there is no tool " + call.name()
                    + (unreachable.isEmpty() ? "" : " (some tools are missing: " + String.join("; ", unreachable) + ")"));
        }
        JsonValue arguments = arguments(call.arguments());
        if (!(arguments instanceof JsonObject)) {
            return error(call, "error", "the arguments must be a JSON object");
        }
        try {
            McpResult result = connections.call(tool.server(), tool.tool().name(), arguments.toString());
            metrics.toolCall(result.isError() ? "error" : "ok");
            return ToolParts.result(call.id(), result.output(), result.isError());
        } catch (McpFailure e) {
            return error(call, switch (e.kind()) {
                case TIMEOUT -> "timeout";
                case UNREACHABLE -> "unreachable";
                case FAILED -> "error";
            }, e.getMessage());
        }
    }

    private JsonObject error(ToolCall call, String outcome, String message) {
        metrics.toolCall(outcome);
        return ToolParts.result(call.id(), message, true);
    }

    private static JsonArray callParts(String text, List<ToolCall> calls) {
        JsonArrayBuilder parts = JsonText.JSON.createArrayBuilder();
        if (text != null) {
            parts.add(JsonText.JSON.createObjectBuilder().add("type", "text").add("text", text));
        }
        calls.forEach(call -> parts.add(ToolParts.call(call.id(), call.name(), arguments(call.arguments()))));
        return parts.build();
    }

    /** The arguments as the JSON they are; no arguments at all as an empty object; anything else as the text sent. */
    private static JsonValue arguments(String text) {
        if (text == null || text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try {
            return JsonText.read(text);
        } catch (JsonException e) {
            return JsonText.JSON.createValue(text);
        }
    }

    /** {@code allowed_tools} entries are tool names (on any of the servers) or {@code <server name>/<tool>}; none: all. */
    private static boolean allowed(List<String> allowedTools, McpEndpoint server, McpTool tool) {
        return allowedTools.isEmpty() || allowedTools.contains(tool.name()) || allowedTools.contains(server.name() + "/" + tool.name());
    }

    private static String functionName(String name) {
        String clean = name.replaceAll("[^A-Za-z0-9_-]", "_");
        return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) : clean;
    }

    /** The tool's JSON Schema, as LangChain4j reads it; one it cannot read is offered as taking any object. */
    private static ToolSpecification specification(String name, McpTool tool) {
        JsonObjectSchema parameters;
        try {
            JsonSchemaElement schema = JsonSchemaElementJsonUtils.fromMap(tool.inputSchema());
            parameters = schema instanceof JsonObjectSchema object ? object : JsonObjectSchema.builder().build();
        } catch (RuntimeException e) {
            parameters = JsonObjectSchema.builder().build();
        }
        return ToolSpecification.builder().name(name).description(tool.description()).parameters(parameters).build();
    }
}
