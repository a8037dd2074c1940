package dev.automations.chat.control;

import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The content parts of a tool round (§16): the agent's {@code tool-call} parts in its message, and the
 * {@code tool-result} parts of the {@code tool} message that follows it.
 */
public final class ToolParts {

    public static final String CALL = "tool-call";
    public static final String RESULT = "tool-result";

    private ToolParts() {
    }

    /** @param arguments the arguments as the model sent them: a JSON object, or a string when they were not JSON */
    public static JsonObject call(String id, String name, JsonValue arguments) {
        return JsonText.JSON.createObjectBuilder().add("type", CALL).add("id", id).add("name", name).add("arguments", arguments).build();
    }

    public static JsonObject result(String toolCallId, String output, boolean isError) {
        return JsonText.JSON.createObjectBuilder().add("type", RESULT).add("tool_call_id", toolCallId).add("output", output)
                .add("is_error", isError).build();
    }
}
