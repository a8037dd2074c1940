package dev.automations.platform.boundary;

import dev.automations.platform.boundary.BuildInfoResource.BuildInfo;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.PUBLIC;

/** The platform's operations for the OpenAPI document. */
public class PlatformOperations implements Operations {

    @Override
    public List<Endpoint> operations() {
        return List.of(new Endpoint(BuildInfoResource.class, "get", "getBuildInfo", "Version and external URL", PUBLIC, 200, BuildInfo.class, null));
    }
}
