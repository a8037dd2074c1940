package dev.automations.model.boundary;

import dev.automations.model.control.ModelConfigFields;
import dev.automations.model.control.ModelConfigView;
import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.SIGNED_IN;
import static dev.automations.platform.boundary.Endpoint.listOf;

/** Model configs (§15) for the OpenAPI document. */
public class ModelOperations implements Operations {

    @Override
    public List<Endpoint> operations() {
        return List.of(
                new Endpoint(ModelConfigsResource.class, "create", "createModelConfig", "Create a model config; its API key is never shown",
                        SIGNED_IN, 201, ModelConfigView.class, null, 403, 404, 409),
                new Endpoint(ModelConfigsResource.class, "list", "listModelConfigs", "Model configs", SIGNED_IN, 200,
                        listOf(ModelConfigView.class), null, 400),
                new Endpoint(ModelConfigsResource.class, "get", "getModelConfig", "A model config", SIGNED_IN, 200, ModelConfigView.class, null),
                new Endpoint(ModelConfigsResource.class, "update", "updateModelConfig", "Change a model config", SIGNED_IN, 200,
                        ModelConfigView.class, ModelConfigFields.class, 403, 409),
                new Endpoint(ModelConfigsResource.class, "delete", "deleteModelConfig", "Delete a model config", SIGNED_IN, 204, null, null,
                        403, 409));
    }
}
