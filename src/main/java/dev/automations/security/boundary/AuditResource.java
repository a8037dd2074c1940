package dev.automations.security.boundary;

import dev.automations.audit.control.AuditView;
import dev.automations.platform.control.Page;
import dev.automations.security.control.AuditReader;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Served by security, not audit: who may read the log is a §12 decision, and the audit log sits below security. */
@Path("v2/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditReader reader;

    @GET
    public List<AuditView> search(@QueryParam("resource_type") String resourceType, @QueryParam("resource_id") String resourceId,
                                  @QueryParam("user_id") String userId, @QueryParam("action") String action,
                                  @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return reader.search(resourceType, resourceId, userId, action, Page.of(limit, offset));
    }
}
