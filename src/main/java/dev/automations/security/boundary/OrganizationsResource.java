package dev.automations.security.boundary;

import dev.automations.security.control.Organizations;
import dev.automations.security.control.Requests.NewOrganization;
import dev.automations.security.control.Requests.Roles;
import dev.automations.security.control.Views.MemberView;
import dev.automations.security.control.Views.OrganizationView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("v2/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    Organizations organizations;

    @GET
    public List<OrganizationView> list() {
        return organizations.list();
    }

    @POST
    public Response create(NewOrganization request) {
        return Response.status(Response.Status.CREATED).entity(organizations.create(request)).build();
    }

    @POST
    @Path("{organization}/members/{user}")
    public MemberView addMember(@PathParam("organization") String organization, @PathParam("user") String user) {
        return organizations.addMember(organization, user);
    }

    @PUT
    @Path("{organization}/members/{user}/roles")
    public MemberView replaceRoles(@PathParam("organization") String organization, @PathParam("user") String user,
                                   Roles request) {
        return organizations.replaceMemberRoles(organization, user, request.roles());
    }

    @DELETE
    @Path("{organization}/members/{user}")
    public Response removeMember(@PathParam("organization") String organization, @PathParam("user") String user) {
        organizations.removeMember(organization, user);
        return Response.noContent().build();
    }
}
