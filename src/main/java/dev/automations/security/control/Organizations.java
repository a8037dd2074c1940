package dev.automations.security.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.UniqueWrites;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.RowLock;
import dev.automations.security.control.Views.MemberView;
import dev.automations.security.control.Views.OrganizationView;
import dev.automations.security.entity.Membership;
import dev.automations.security.entity.Organization;
import dev.automations.security.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Organizations and their members (§3). An organization the caller does not belong to is 404 to them. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Organizations {

    private static final String MEMBER_RESOURCE = "organization_member";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    public List<OrganizationView> list() {
        Caller me = caller.get();
        var query = me.isSiteOwner()
                ? em.createNamedQuery(Organization.ALL, Organization.class)
                : em.createNamedQuery(Organization.OF_USER, Organization.class).setParameter("user", me.userId());
        return query.getResultStream().map(OrganizationView::of).toList();
    }

    public OrganizationView create(Requests.NewOrganization request) {
        caller.requireSiteOwner();
        Organization organization = new Organization(request.name(), Clock.now());
        UniqueWrites.persist(em, "An organization named \"" + request.name() + "\" already exists.", organization);
        audit.record(caller.get().userId(), new Audited(Audited.CREATE, "organization", organization.id(), organization.name(),
                organization.id(), Diff.of().change("name", null, organization.name()).build(), 201));
        return OrganizationView.of(organization);
    }

    /** Adding someone who already belongs is not an error: the answer is their membership either way. */
    public MemberView addMember(String organization, String user) {
        Organization org = administered(organization);
        User target = user(user);
        Optional<Membership> existing = membership(org.id(), target.id());
        if (existing.isPresent()) {
            return MemberView.of(existing.get());
        }
        Membership membership = new Membership(org.id(), target.id(), Clock.now());
        UniqueWrites.persist(em, "The user is already a member.", membership);
        audit.record(caller.get().userId(), new Audited(Audited.CREATE, MEMBER_RESOURCE, target.id(), target.username(),
                org.id(), Diff.of().change("roles", null, membership.roles()).build(), 200));
        return MemberView.of(membership);
    }

    public MemberView replaceMemberRoles(String organization, String user, List<String> roles) {
        Organization org = administered(organization);
        User target = user(user);
        Membership membership = membership(org.id(), target.id()).orElseThrow(ApiException::notFound);
        List<String> unknown = roles.stream().filter(r -> !Membership.ROLES.contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalidField("roles", "unknown roles " + unknown + "; known: " + Membership.ROLES);
        }
        List<String> before = membership.roles();
        membership.replaceRoles(roles.stream().filter(r -> !Membership.MEMBER.equals(r)).distinct().toList());
        audit.record(caller.get().userId(), new Audited(Audited.WRITE, MEMBER_RESOURCE, target.id(), target.username(),
                org.id(), Diff.of().change("roles", before, membership.roles()).build(), 200));
        return MemberView.of(membership);
    }

    public void removeMember(String organization, String user) {
        Organization org = administered(organization);
        User target = user(user);
        Membership membership = membership(org.id(), target.id()).orElseThrow(ApiException::notFound);
        em.remove(membership);
        audit.record(caller.get().userId(), new Audited(Audited.DELETE, MEMBER_RESOURCE, target.id(), target.username(),
                org.id(), Diff.of().change("roles", membership.roles(), null).build(), 204));
    }

    public boolean isMember(UUID organization, UUID user) {
        return membership(organization, user).isPresent();
    }

    public List<UUID> administeredBy(UUID user) {
        return memberships(user).filter(Membership::isAdmin).map(Membership::organizationId).toList();
    }

    /** Each organization the user belongs to (by its id, in the order joined) with the user's roles there. */
    public Map<String, List<String>> rolesOf(UUID user) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        memberships(user).sorted(Comparator.comparing(Membership::createdAt))
                .forEach(m -> roles.put(m.organizationId().toString(), m.roles()));
        return roles;
    }

    public List<UUID> memberOf(UUID user) {
        return memberships(user).map(Membership::organizationId).toList();
    }

    public boolean exists(UUID organization) {
        return em.find(Organization.class, organization) != null;
    }

    /**
     * Holds the organization's row lock until the caller's transaction ends, so another feature can serialize
     * changes that must be one at a time per organization (its default model config) across instances.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID organization) {
        RowLock.lock(em, Organization.class, organization);
    }

    public boolean isAdmin(UUID organization, UUID user) {
        return membership(organization, user).map(Membership::isAdmin).orElse(false);
    }

    /** Visible to site owners and members; changeable by site owners and organization admins (others: 403). */
    private Organization administered(String organization) {
        Caller me = caller.get();
        Organization org = em.find(Organization.class, Ids.existing(organization));
        if (org == null || (!me.isSiteOwner() && !isMember(org.id(), me.userId()))) {
            throw ApiException.notFound();
        }
        if (!me.isSiteOwner() && !isAdmin(org.id(), me.userId())) {
            throw ApiException.forbidden("Only a site owner or an admin of this organization may change its members.");
        }
        return org;
    }

    private User user(String user) {
        User found = em.find(User.class, Ids.existing(user));
        if (found == null) {
            throw ApiException.notFound();
        }
        return found;
    }

    private Stream<Membership> memberships(UUID user) {
        return em.createNamedQuery(Membership.OF_USER, Membership.class).setParameter("user", user).getResultStream();
    }

    private Optional<Membership> membership(UUID organization, UUID user) {
        return em.createNamedQuery(Membership.FIND, Membership.class).setParameter("organization", organization)
                .setParameter("user", user).getResultStream().findFirst();
    }
}
