package dev.automations.event.boundary;

import dev.automations.event.control.EventView;
import dev.automations.event.control.Events.TestRequest;
import dev.automations.event.control.Events.TestResult;
import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.SIGNED_IN;
import static dev.automations.platform.boundary.Endpoint.listOf;

/** Events, replay and the dry run (§11) for the OpenAPI document. */
public class EventOperations implements Operations {

    @Override
    public List<Endpoint> operations() {
        return List.of(
                new Endpoint(EventsResource.class, "list", "listEvents", "An automation's events, newest first", SIGNED_IN, 200,
                        listOf(EventView.class), null, 400),
                new Endpoint(EventsResource.class, "get", "getEvent", "An event", SIGNED_IN, 200, EventView.class, null),
                new Endpoint(EventsResource.class, "replay", "replayEvent", "Judge and fire a stored event again", SIGNED_IN, 201,
                        EventView.class, null, 400),
                new Endpoint(DryRunResource.class, "test", "testAutomation", "Evaluate a payload without recording it", SIGNED_IN, 200,
                        TestResult.class, TestRequest.class));
    }
}
