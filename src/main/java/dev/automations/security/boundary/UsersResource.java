package dev.automations.security.boundary;

import dev.automations.platform.entity.JsonText;
import dev.automations.platform.control.AccessUrl;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Page;
import dev.automations.security.control.Accounts;
import dev.automations.security.control.Requests.Credentials;
import dev.automations.security.control.Requests.NewUser;
import dev.automations.security.control.Requests.Roles;
import dev.automations.security.control.Sessions;
import dev.automations.security.control.Views.FirstUser;
import dev.automations.security.control.Views.SessionToken;
import dev.automations.security.control.Views.UserRoles;
import dev.automations.security.control.Views.UserView;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

@Path("v2/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    AccessUrl accessUrl;

    @Context
    UriInfo uri;

    @GET
    @Path("first")
    public JsonObject firstUserExists() {
        if (!accounts.anyUser()) {
            throw new ApiException(404, "The first user has not been created yet.", null, List.of());
        }
        return JsonText.JSON.createObjectBuilder().add("message", "The first user has been created.").build();
    }

    @POST
    @Path("first")
    public Response createFirst(NewUser request) {
        FirstUser created = accounts.createFirst(request);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @POST
    @Path("login")
    public Response login(Credentials credentials) {
        String token = sessions.login(credentials);
        return Response.status(Response.Status.CREATED).entity(new SessionToken(token)).cookie(cookie(token, -1)).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        sessions.logout();
        return Response.ok(JsonText.JSON.createObjectBuilder().add("message", "Logged out.").build()).cookie(cookie("", 0)).build();
    }

    @GET
    @Path("me")
    public UserView me() {
        return accounts.get("me");
    }

    @GET
    @Path("{user}")
    public UserView get(@PathParam("user") String user) {
        return accounts.get(user);
    }

    @GET
    @Path("{user}/roles")
    public UserRoles roles(@PathParam("user") String user) {
        return accounts.roles(user);
    }

    @POST
    public Response create(NewUser request) {
        return Response.status(Response.Status.CREATED).entity(accounts.create(request)).build();
    }

    @GET
    public List<UserView> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return accounts.list(Page.of(limit, offset));
    }

    @PUT
    @Path("{user}/roles")
    public UserView replaceRoles(@PathParam("user") String user, Roles request) {
        return accounts.replaceRoles(user, request.roles());
    }

    @PUT
    @Path("{user}/status/suspend")
    public UserView suspend(@PathParam("user") String user) {
        return accounts.suspend(user);
    }

    @PUT
    @Path("{user}/status/activate")
    public UserView activate(@PathParam("user") String user) {
        return accounts.activate(user);
    }

    /**
     * Strict: a page of another site never sends it, not even on a top-level link, so no cross-site request rides on
     * the session (decisions.md, "The console (#17)"). Secure when the service is reached over HTTPS, directly or by
     * its configured access URL behind a TLS proxy; over plain HTTP a Secure cookie would never come back.
     */
    private NewCookie cookie(String token, int maxAge) {
        return new NewCookie.Builder(TokenAuthenticationMechanism.SESSION_COOKIE).value(token).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).secure(https())
                .maxAge(maxAge).build();
    }

    private boolean https() {
        return "https".equalsIgnoreCase(uri.getBaseUri().getScheme()) || accessUrl.base(uri).startsWith("https:");
    }
}
