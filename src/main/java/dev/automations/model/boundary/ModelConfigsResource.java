package dev.automations.model.boundary;

import dev.automations.model.control.ModelConfigFields;
import dev.automations.model.control.ModelConfigView;
import dev.automations.model.control.ModelConfigs;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.Patch;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.UUID;

@Path("experimental/model-configs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelConfigsResource {

    @Inject
    ModelConfigs modelConfigs;

    @POST
    public Response create(ModelConfigFields request) {
        return Response.status(Response.Status.CREATED).entity(modelConfigs.create(request)).build();
    }

    @GET
    public List<ModelConfigView> list(@QueryParam("organization_id") String organization, @QueryParam("limit") String limit,
                                      @QueryParam("offset") String offset) {
        UUID organizationId = Ids.parameter(organization, "organization_id");
        return modelConfigs.list(organizationId, Page.of(limit, offset));
    }

    @GET
    @Path("{config}")
    public ModelConfigView get(@PathParam("config") String config) {
        return modelConfigs.get(Ids.existing(config));
    }

    @PATCH
    @Path("{config}")
    public ModelConfigView update(@PathParam("config") String config, JsonObject body) {
        Patch<ModelConfigFields> patch = Patch.of(ModelConfigFields.class, body);
        return modelConfigs.update(Ids.existing(config), patch);
    }

    @DELETE
    @Path("{config}")
    public Response delete(@PathParam("config") String config) {
        modelConfigs.delete(Ids.existing(config));
        return Response.noContent().build();
    }
}
