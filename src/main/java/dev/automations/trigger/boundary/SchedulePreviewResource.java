package dev.automations.trigger.boundary;

import dev.automations.trigger.control.TriggerFields.NextRunTimes;
import dev.automations.trigger.control.TriggerFields.SchedulePreview;
import dev.automations.trigger.control.Triggers;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Under the automations path (§4), but a cron schedule is the trigger feature's to check. */
@Path("experimental/automations/schedule-preview")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchedulePreviewResource {

    @Inject
    Triggers triggers;

    @POST
    public NextRunTimes preview(SchedulePreview request) {
        return new NextRunTimes(triggers.preview(request.cronSchedule()));
    }
}
