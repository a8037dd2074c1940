package dev.automations.trigger.boundary;

import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;
import dev.automations.trigger.control.TriggerFields.NextRunTimes;
import dev.automations.trigger.control.TriggerFields.TriggerChanges;
import dev.automations.trigger.control.TriggerView;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.SIGNED_IN;
import static dev.automations.platform.boundary.Endpoint.listOf;

/** Triggers and schedule previews (§5) for the OpenAPI document. */
public class TriggerOperations implements Operations {

    @Override
    public List<Endpoint> operations() {
        return List.of(
                new Endpoint(TriggersResource.class, "create", "createTrigger", "Create a trigger; a webhook's secret is in this answer only",
                        SIGNED_IN, 201, TriggerView.class, null, 409),
                new Endpoint(TriggersResource.class, "list", "listTriggers", "An automation's triggers", SIGNED_IN, 200,
                        listOf(TriggerView.class), null),
                new Endpoint(TriggersResource.class, "get", "getTrigger", "A trigger", SIGNED_IN, 200, TriggerView.class, null),
                new Endpoint(TriggersResource.class, "update", "updateTrigger", "Change a trigger", SIGNED_IN, 200, TriggerView.class,
                        TriggerChanges.class),
                new Endpoint(TriggersResource.class, "delete", "deleteTrigger", "Delete a trigger (its events stay)", SIGNED_IN, 204, null,
                        null),
                new Endpoint(TriggersResource.class, "regenerateSecret", "regenerateTriggerSecret", "New webhook secret, in this answer only",
                        SIGNED_IN, 200, TriggerView.class, null),
                new Endpoint(SchedulePreviewResource.class, "preview", "previewSchedule", "The next run times of a cron schedule",
                        SIGNED_IN, 200, NextRunTimes.class, null));
    }
}
