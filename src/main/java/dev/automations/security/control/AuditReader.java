package dev.automations.security.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.AuditView;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Reading the audit log (§13) as §12 allows it: site owners read everything, organization admins their organizations'. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AuditReader {

    @Inject
    AuditLog auditLog;

    @Inject
    CurrentCaller caller;

    @Inject
    Organizations organizations;

    public List<AuditView> search(String resourceType, String resourceId, String userId, String action, Page page) {
        Caller me = caller.get();
        List<UUID> readable = me.isSiteOwner() ? null : organizations.administeredBy(me.userId());
        if (readable != null && readable.isEmpty()) {
            throw ApiException.forbidden("Only site owners and organization admins may read the audit log.");
        }
        // Parsed here, not in the resource: a caller who may not read the log learns that (403) before anything else.
        UUID user = Ids.parameter(userId, "user_id");
        return auditLog.search(new AuditLog.Query(resourceType, resourceId, user, action, readable), page);
    }
}
