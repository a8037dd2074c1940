package dev.automations.mcp.boundary;

import dev.automations.mcp.control.McpServerFields;
import dev.automations.mcp.control.McpServerView;
import dev.automations.mcp.control.McpServers;
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

@Path("experimental/mcp-servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class McpServersResource {

    @Inject
    McpServers servers;

    @POST
    public Response create(McpServerFields request) {
        return Response.status(Response.Status.CREATED).entity(servers.create(request)).build();
    }

    @GET
    public List<McpServerView> list(@QueryParam("organization_id") String organization, @QueryParam("limit") String limit,
                                    @QueryParam("offset") String offset) {
        UUID organizationId = Ids.parameter(organization, "organization_id");
        return servers.list(organizationId, Page.of(limit, offset));
    }

    @GET
    @Path("{server}")
    public McpServerView get(@PathParam("server") String server) {
        return servers.get(Ids.existing(server));
    }

    @PATCH
    @Path("{server}")
    public McpServerView update(@PathParam("server") String server, JsonObject body) {
        Patch<McpServerFields> patch = Patch.of(McpServerFields.class, body);
        return servers.update(Ids.existing(server), patch);
    }

    @DELETE
    @Path("{server}")
    public Response delete(@PathParam("server") String server) {
        servers.delete(Ids.existing(server));
        return Response.noContent().build();
    }
}
