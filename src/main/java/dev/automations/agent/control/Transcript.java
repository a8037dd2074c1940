package dev.automations.agent.control;

import dev.automations.chat.control.ChatTurns.Said;
import dev.automations.chat.control.ToolParts;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A chat's stored messages as chat-completions messages: a user's text, the agent's text and tool calls, and one tool
 * message per tool result (§16). A result the tool or the service marked as an error says so to the model, since the
 * chat-completions tool message has no field for it.
 */
final class Transcript {

    static final String ERROR_PREFIX = "[error] ";

    private Transcript() {
    }

    static List<ChatMessage> messages(List<Said> transcript) {
        List<ChatMessage> messages = new ArrayList<>();
        Map<String, String> toolNames = new HashMap<>();
        for (Said said : transcript) {
            switch (said.role()) {
                case Said.ASSISTANT -> messages.add(agent(said, toolNames));
                case Said.TOOL -> said.parts(ToolParts.RESULT).forEach(result -> messages.add(ToolExecutionResultMessage.from(
                        result.getString("tool_call_id"), toolNames.getOrDefault(result.getString("tool_call_id"), "unknown"),
                        (result.getBoolean("is_error", false) ? ERROR_PREFIX : "") + result.getString("output"))));
                default -> messages.add(UserMessage.from(said.text()));
            }
        }
        return messages;
    }

    private static AiMessage agent(Said said, Map<String, String> toolNames) {
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonObject call : said.parts(ToolParts.CALL)) {
            toolNames.put(call.getString("id"), call.getString("name"));
            calls.add(ToolExecutionRequest.builder().id(call.getString("id")).name(call.getString("name"))
                    .arguments(arguments(call.get("arguments"))).build());
        }
        String text = said.text();
        if (calls.isEmpty()) {
            return AiMessage.from(text);
        }
        return AiMessage.builder().text(text.isEmpty() ? null : text).toolExecutionRequests(calls).build();
    }

    /** Arguments are stored as the JSON object they were, or as the text the model sent when that was not JSON. */
    private static String arguments(JsonValue stored) {
        return stored instanceof JsonString text ? text.getString() : stored.toString();
    }
}
