package dev.automations.security.boundary;

import dev.automations.security.control.Requests.NewToken;
import dev.automations.security.control.Sessions;
import dev.automations.security.control.Views.TokenView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("v2/users/{user}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TokensResource {

    @Inject
    Sessions sessions;

    @POST
    @Path("tokens")
    public Response create(@PathParam("user") String user, NewToken request) {
        return Response.status(Response.Status.CREATED).entity(sessions.createToken(user, request)).build();
    }

    @GET
    @Path("tokens")
    public List<TokenView> list(@PathParam("user") String user) {
        return sessions.tokens(user);
    }

    @DELETE
    @Path("{key}")
    public Response delete(@PathParam("user") String user, @PathParam("key") String key) {
        sessions.deleteToken(user, key);
        return Response.noContent().build();
    }
}
