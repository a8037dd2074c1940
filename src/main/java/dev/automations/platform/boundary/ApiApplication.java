package dev.automations.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Map;

@ApplicationPath("/api")
public class ApiApplication extends Application {

    /** Jersey answers OPTIONS with a generated WADL document (XML); the API's one description is /openapi. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
