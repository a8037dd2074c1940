package dev.automations.platform.boundary;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Automations", version = "v2",
        description = "Webhooks and cron schedules that start or continue AI agent chats."))
public class ApiApplication extends Application {
}
