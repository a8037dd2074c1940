package dev.automations.automation.boundary;

import dev.automations.automation.control.AutomationFields;
import dev.automations.automation.control.AutomationView;
import dev.automations.automation.control.Automations;
import dev.automations.platform.control.ApiException;
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

@Path("experimental/automations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AutomationsResource {

    @Inject
    Automations automations;

    @POST
    public Response create(AutomationFields request) {
        return Response.status(Response.Status.CREATED).entity(automations.create(request)).build();
    }

    @GET
    public List<AutomationView> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                     @QueryParam("status") String status, @QueryParam("organization_id") String organization,
                                     @QueryParam("scope") String scope) {
        if (scope != null && !scope.equals("all") && !scope.equals("mine")) {
            throw ApiException.invalidField("scope", "must be all or mine");
        }
        UUID organizationId = Ids.parameter(organization, "organization_id");
        return automations.list(new Automations.ListQuery("all".equals(scope), status, organizationId), Page.of(limit, offset));
    }

    @GET
    @Path("{automation}")
    public AutomationView get(@PathParam("automation") String automation) {
        return automations.get(Ids.existing(automation));
    }

    @PATCH
    @Path("{automation}")
    public AutomationView update(@PathParam("automation") String automation, JsonObject body) {
        Patch<AutomationFields> patch = Patch.of(AutomationFields.class, body);
        return automations.update(Ids.existing(automation), patch);
    }

    @DELETE
    @Path("{automation}")
    public Response delete(@PathParam("automation") String automation) {
        automations.delete(Ids.existing(automation));
        return Response.noContent().build();
    }
}
