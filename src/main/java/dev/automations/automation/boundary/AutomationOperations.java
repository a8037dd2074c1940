package dev.automations.automation.boundary;

import dev.automations.automation.control.AutomationFields;
import dev.automations.automation.control.AutomationView;
import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.SIGNED_IN;
import static dev.automations.platform.boundary.Endpoint.listOf;

/** Automations (§4) for the OpenAPI document. */
public class AutomationOperations implements Operations {

    @Override
    public List<Endpoint> operations() {
        return List.of(
                new Endpoint(AutomationsResource.class, "create", "createAutomation", "Create an automation", SIGNED_IN, 201,
                        AutomationView.class, null, 404, 409),
                new Endpoint(AutomationsResource.class, "list", "listAutomations", "Automations", SIGNED_IN, 200, listOf(AutomationView.class),
                        null, 400),
                new Endpoint(AutomationsResource.class, "get", "getAutomation", "An automation", SIGNED_IN, 200, AutomationView.class, null),
                new Endpoint(AutomationsResource.class, "update", "updateAutomation", "Change an automation", SIGNED_IN, 200,
                        AutomationView.class, AutomationFields.class),
                new Endpoint(AutomationsResource.class, "delete", "deleteAutomation", "Delete an automation and its events", SIGNED_IN, 204,
                        null, null));
    }
}
