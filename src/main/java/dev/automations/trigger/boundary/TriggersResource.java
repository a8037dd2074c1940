package dev.automations.trigger.boundary;

import dev.automations.platform.control.AccessUrl;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Patch;
import dev.automations.trigger.control.TriggerFields.NewSecret;
import dev.automations.trigger.control.TriggerFields.NewTrigger;
import dev.automations.trigger.control.TriggerFields.TriggerChanges;
import dev.automations.trigger.control.TriggerView;
import dev.automations.trigger.control.Triggers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

@Path("experimental/automations/{automation}/triggers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TriggersResource {

    @Inject
    Triggers triggers;

    @Inject
    AccessUrl accessUrl;

    @PathParam("automation")
    String automation;

    @Context
    UriInfo uri;

    @POST
    public Response create(NewTrigger request) {
        TriggerView created = triggers.create(Ids.existing(automation), request);
        return Response.status(Response.Status.CREATED).entity(located(created)).build();
    }

    @GET
    public List<TriggerView> list() {
        return triggers.list(Ids.existing(automation)).stream().map(this::located).toList();
    }

    @GET
    @Path("{trigger}")
    public TriggerView get(@PathParam("trigger") String trigger) {
        return located(triggers.get(Ids.existing(automation), Ids.existing(trigger)));
    }

    @PATCH
    @Path("{trigger}")
    public TriggerView update(@PathParam("trigger") String trigger, JsonObject body) {
        Patch<TriggerChanges> patch = Patch.of(TriggerChanges.class, body);
        return located(triggers.update(Ids.existing(automation), Ids.existing(trigger), patch));
    }

    @DELETE
    @Path("{trigger}")
    public Response delete(@PathParam("trigger") String trigger) {
        triggers.delete(Ids.existing(automation), Ids.existing(trigger));
        return Response.noContent().build();
    }

    @POST
    @Path("{trigger}/regenerate-secret")
    public TriggerView regenerateSecret(@PathParam("trigger") String trigger, NewSecret request) {
        return located(triggers.regenerateSecret(Ids.existing(automation), Ids.existing(trigger), request));
    }

    /** §5: {@code webhook_url} is {@code <access-url>/api/v2/automations/triggers/<id>/webhook}. */
    private TriggerView located(TriggerView view) {
        String base = accessUrl.base(uri);
        return view.withWebhookUrl(id -> base + "/api/v2/automations/triggers/" + id + "/webhook");
    }
}
