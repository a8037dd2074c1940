package dev.automations.event.boundary;

import dev.automations.event.control.EventView;
import dev.automations.event.control.Events;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Page;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

@Path("experimental/automations/{automation}/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    Events events;

    @PathParam("automation")
    String automation;

    @GET
    public List<EventView> list(@QueryParam("status") String status, @QueryParam("trigger_id") String trigger,
                                @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Page page = Page.of(limit, offset);
        UUID triggerId = Ids.parameter(trigger, "trigger_id");
        return events.list(Ids.existing(automation), status, triggerId, page);
    }

    @POST
    @Path("{event}/replay")
    public Response replay(@PathParam("event") String event) {
        return Response.status(Response.Status.CREATED).entity(events.replay(Ids.existing(automation), Ids.existing(event))).build();
    }

    @GET
    @Path("{event}")
    public EventView get(@PathParam("event") String event) {
        return events.get(Ids.existing(automation), Ids.existing(event));
    }
}
