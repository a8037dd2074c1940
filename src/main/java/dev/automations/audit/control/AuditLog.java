package dev.automations.audit.control;

import dev.automations.audit.entity.AuditEntry;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes audit entries in the caller's transaction, so an entry exists exactly when its action committed.
 */
@ApplicationScoped
public class AuditLog {

    private static final int MAX_USER_AGENT = 512;

    @PersistenceContext
    EntityManager em;

    @Inject
    HttpServletRequest request;

    /** Filters of {@code GET /api/v2/audit}; null means "any". */
    public record Query(String resourceType, String resourceId, UUID userId, String action, List<UUID> organizations) {
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void record(UUID userId, Audited what) {
        String[] origin = origin();
        em.persist(new AuditEntry(Clock.now(), userId, what.organizationId(), what.action(), what.resourceType(),
                what.resourceId() == null ? null : what.resourceId().toString(), what.resourceName(),
                what.diff().toString(), origin[0], origin[1], what.statusCode()));
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public List<AuditView> search(Query query, Page page) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        StringBuilder jpql = new StringBuilder("SELECT a FROM AuditEntry a WHERE 1 = 1");
        condition(jpql, parameters, "a.resourceType = :resourceType", "resourceType", query.resourceType());
        condition(jpql, parameters, "a.resourceId = :resourceId", "resourceId", query.resourceId());
        condition(jpql, parameters, "a.userId = :userId", "userId", query.userId());
        condition(jpql, parameters, "a.action = :action", "action", query.action());
        condition(jpql, parameters, "a.organizationId IN :organizations", "organizations", query.organizations());
        jpql.append(" ORDER BY a.time DESC, a.id DESC");
        TypedQuery<AuditEntry> q = em.createQuery(jpql.toString(), AuditEntry.class);
        parameters.forEach(q::setParameter);
        return q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream().map(AuditView::of).toList();
    }

    private static void condition(StringBuilder jpql, Map<String, Object> parameters, String clause, String name, Object value) {
        if (value != null) {
            jpql.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }

    /** Timers and other work outside a request have no origin; their entries carry none. */
    private String[] origin() {
        try {
            String agent = request.getHeader("User-Agent");
            if (agent != null && agent.length() > MAX_USER_AGENT) {
                agent = agent.substring(0, MAX_USER_AGENT);
            }
            return new String[] {request.getRemoteAddr(), agent};
        } catch (ContextNotActiveException | IllegalStateException e) {
            return new String[] {null, null};
        }
    }
}
