package dev.automations.chat.boundary;

import dev.automations.chat.control.ChatViews.ChatChanges;
import dev.automations.chat.control.ChatViews.ChatView;
import dev.automations.chat.control.ChatViews.MessageView;
import dev.automations.chat.control.ChatViews.Messages;
import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.SIGNED_IN;
import static dev.automations.platform.boundary.Endpoint.listOf;

/** Chats (§11) for the OpenAPI document. */
public class ChatOperations implements Operations {

    @Override
    public List<Endpoint> operations() {
        return List.of(
                new Endpoint(ChatsResource.class, "list", "listChats", "The caller's chats", SIGNED_IN, 200, listOf(ChatView.class), null, 400),
                new Endpoint(ChatsResource.class, "create", "createChat", "Start a chat", SIGNED_IN, 201, ChatView.class, null, 404),
                new Endpoint(ChatsResource.class, "get", "getChat", "A chat", SIGNED_IN, 200, ChatView.class, null),
                new Endpoint(ChatsResource.class, "messages", "listChatMessages", "A chat's messages, oldest first", SIGNED_IN, 200,
                        Messages.class, null, 400),
                new Endpoint(ChatsResource.class, "post", "postChatMessage", "Add a message", SIGNED_IN, 200, MessageView.class, null, 403),
                new Endpoint(ChatsResource.class, "retry", "retryChat", "Queue a failed chat for another turn", SIGNED_IN, 200,
                        ChatView.class, null, 403, 409),
                new Endpoint(ChatsResource.class, "update", "updateChat", "Change a chat's title, archived flag or labels", SIGNED_IN, 204,
                        null, ChatChanges.class, 403));
    }
}
