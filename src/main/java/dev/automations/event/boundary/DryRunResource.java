package dev.automations.event.boundary;

import dev.automations.event.control.Events;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Patch;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST …/{automation}/test} (§11): under the automation's path, but evaluating an event is the event feature's. */
@Path("experimental/automations/{automation}/test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DryRunResource {

    @Inject
    Events events;

    @POST
    public Events.TestResult test(@PathParam("automation") String automation, JsonObject body) {
        Patch<Events.TestRequest> request = Patch.of(Events.TestRequest.class, body);
        return events.test(Ids.existing(automation), request);
    }
}
