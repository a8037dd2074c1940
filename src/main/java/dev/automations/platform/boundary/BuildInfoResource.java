package dev.automations.platform.boundary;

import dev.automations.platform.control.AccessUrl;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

@Path("v2/buildinfo")
@Produces(MediaType.APPLICATION_JSON)
public class BuildInfoResource {

    public record BuildInfo(String version, String externalUrl) {
    }

    @Inject
    AccessUrl accessUrl;

    @GET
    public BuildInfo get(@Context UriInfo uri) {
        return new BuildInfo(AccessUrl.VERSION, accessUrl.base(uri));
    }
}
