package dev.automations.audit.boundary;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.AuditView;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.ApiException;
import dev.automations.security.control.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

@Path("v2/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditLog auditLog;

    @Inject
    CurrentCaller caller;

    @GET
    public List<AuditView> search(@QueryParam("resource_type") String resourceType, @QueryParam("resource_id") String resourceId,
                                  @QueryParam("user_id") String userId, @QueryParam("action") String action,
                                  @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        caller.requireSiteOwner();
        UUID user = userId == null ? null : Ids.parse(userId).orElseThrow(() -> ApiException.invalidField("user_id", "must be a UUID"));
        return auditLog.search(new AuditLog.Query(resourceType, resourceId, user, action, null), Page.of(limit, offset));
    }
}
