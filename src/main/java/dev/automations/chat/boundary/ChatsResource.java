package dev.automations.chat.boundary;

import dev.automations.chat.control.ChatViews.ChatChanges;
import dev.automations.chat.control.ChatViews.ChatView;
import dev.automations.chat.control.ChatViews.MessageView;
import dev.automations.chat.control.ChatViews.Messages;
import dev.automations.chat.control.ChatViews.NewChatRequest;
import dev.automations.chat.control.ChatViews.NewMessage;
import dev.automations.chat.control.Chats;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.Patch;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

@Path("experimental/chats")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ChatsResource {

    @Inject
    Chats chats;

    @GET
    public List<ChatView> list(@QueryParam("label") List<String> labels, @QueryParam("automation_id") String automation,
                               @QueryParam("archived") String archived, @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        UUID automationId = Ids.parameter(automation, "automation_id");
        if (archived != null && !archived.equals("true") && !archived.equals("false")) {
            throw ApiException.invalidField("archived", "must be true or false");
        }
        return chats.list(labels, automationId, archived == null ? null : Boolean.valueOf(archived), Page.of(limit, offset));
    }

    @POST
    public Response create(NewChatRequest request) {
        return Response.status(Response.Status.CREATED).entity(chats.create(request)).build();
    }

    @GET
    @Path("{chat}")
    public ChatView get(@PathParam("chat") String chat) {
        return chats.get(Ids.existing(chat));
    }

    @GET
    @Path("{chat}/messages")
    public Messages messages(@PathParam("chat") String chat, @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Page page = Page.of(limit, offset);
        return chats.messages(Ids.existing(chat), page);
    }

    @POST
    @Path("{chat}/messages")
    public MessageView post(@PathParam("chat") String chat, NewMessage request) {
        return chats.post(Ids.existing(chat), request.content());
    }

    @POST
    @Path("{chat}/retry")
    public ChatView retry(@PathParam("chat") String chat) {
        return chats.retry(Ids.existing(chat));
    }

    @PATCH
    @Path("{chat}")
    public Response update(@PathParam("chat") String chat, JsonObject body) {
        Patch<ChatChanges> patch = Patch.of(ChatChanges.class, body);
        chats.update(Ids.existing(chat), patch);
        return Response.noContent().build();
    }
}
