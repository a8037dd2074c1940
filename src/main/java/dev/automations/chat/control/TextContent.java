package dev.automations.chat.control;

import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonArray;

/** Message content as §11 and Coder's chats API both shape it: one text part, {@code [{"type": "text", "text": ...}]}. */
public final class TextContent {

    private TextContent() {
    }

    public static JsonArray of(String text) {
        return JsonText.JSON.createArrayBuilder().add(JsonText.JSON.createObjectBuilder().add("type", "text").add("text", text)).build();
    }
}
