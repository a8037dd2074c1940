package dev.automations.security.control;

import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.FieldError;
import dev.automations.platform.control.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What an organization shares among its members, such as model configs (§15) and MCP servers (§16): its members read
 * it, its admins and site owners change it (others: 403), and to anyone else it does not exist (404).
 */
@ApplicationScoped
public class OrganizationShared {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    Organizations organizations;

    /** The named queries of one shared kind: of one organization, of several, of all. */
    public record Queries(String ofOrganization, String ofOrganizations, String all) {
    }

    /**
     * Without an organization: what every organization the caller belongs to shares (all of it for a site owner).
     * An organization the caller cannot read lists nothing, as if it shared nothing.
     */
    public <T> List<T> list(Class<T> type, Queries queries, UUID organization, Page page) {
        Caller me = caller.get();
        TypedQuery<T> query;
        if (organization != null) {
            if (!mayRead(me, organization)) {
                return List.of();
            }
            query = em.createNamedQuery(queries.ofOrganization(), type).setParameter("organization", organization);
        } else if (me.isSiteOwner()) {
            query = em.createNamedQuery(queries.all(), type);
        } else {
            List<UUID> memberOf = organizations.memberOf(me.userId());
            if (memberOf.isEmpty()) {
                return List.of();
            }
            query = em.createNamedQuery(queries.ofOrganizations(), type).setParameter("organizations", memberOf);
        }
        return query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
    }

    /**
     * Where a new shared thing may be created: an organization the caller belongs to (any existing one for a site
     * owner). One answer for both refusals, so that it reveals nothing.
     */
    public void checkOrganization(UUID organization, List<FieldError> errors) {
        Caller me = caller.get();
        if (organization == null) {
            errors.add(new FieldError("organization_id", "is required"));
        } else if (!(me.isSiteOwner() ? organizations.exists(organization) : organizations.isMember(organization, me.userId()))) {
            errors.add(new FieldError("organization_id", "no such organization, or you are not a member of it"));
        }
    }

    public <T> T readable(Class<T> type, UUID id, Function<T, UUID> organizationOf) {
        T found = em.find(type, id);
        if (found == null || !mayRead(caller.get(), organizationOf.apply(found))) {
            throw ApiException.notFound();
        }
        return found;
    }

    /** @param what the kind, plural, for the 403's message ("model configs") */
    public <T> T writable(Class<T> type, UUID id, Function<T, UUID> organizationOf, String what) {
        T found = readable(type, id, organizationOf);
        requireAdmin(organizationOf.apply(found), what);
        return found;
    }

    public void requireAdmin(UUID organization, String what) {
        Caller me = caller.get();
        if (!me.isSiteOwner() && !organizations.isAdmin(organization, me.userId())) {
            throw ApiException.forbidden("Only a site owner or an admin of this organization may change its " + what + ".");
        }
    }

    private boolean mayRead(Caller me, UUID organization) {
        return me.isSiteOwner() || organizations.isMember(organization, me.userId());
    }
}
