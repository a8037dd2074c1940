package dev.automations.audit.boundary;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.AuditView;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.ApiException;
import dev.automations.security.control.Caller;
import dev.automations.security.control.CurrentCaller;
import dev.automations.security.control.Organizations;
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

    @Inject
    Organizations organizations;

    @GET
    public List<AuditView> search(@QueryParam("resource_type") String resourceType, @QueryParam("resource_id") String resourceId,
                                  @QueryParam("user_id") String userId, @QueryParam("action") String action,
                                  @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Caller me = caller.get();
        // Site owners read everything; organization admins read their organizations' entries (§12); others nothing.
        List<UUID> organizations = me.isSiteOwner() ? null : this.organizations.administeredBy(me.userId());
        if (organizations != null && organizations.isEmpty()) {
            throw ApiException.forbidden("Only site owners and organization admins may read the audit log.");
        }
        UUID user = userId == null ? null : Ids.parse(userId).orElseThrow(() -> ApiException.invalidField("user_id", "must be a UUID"));
        return auditLog.search(new AuditLog.Query(resourceType, resourceId, user, action, organizations), Page.of(limit, offset));
    }
}
