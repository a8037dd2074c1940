package dev.automations.security.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.platform.control.RowLock;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.UniqueWrites;
import dev.automations.platform.control.Ids;
import dev.automations.platform.control.Page;
import dev.automations.security.control.Requests.NewUser;
import dev.automations.security.control.Views.FirstUser;
import dev.automations.security.control.Views.UserRoles;
import dev.automations.security.control.Views.UserView;
import dev.automations.security.entity.Membership;
import dev.automations.security.entity.Organization;
import dev.automations.security.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Users (§3): the first user, owner-only administration, roles and status. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Accounts {

    private static final String RESOURCE = "user";
    private static final String DUPLICATE = "A user with this email or username already exists.";

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    CurrentCaller caller;

    @Inject
    AuditLog audit;

    @Inject
    Organizations organizations;

    /**
     * Holds the user's row lock until the caller's transaction ends, so another feature can serialize one user's
     * work across instances (an owner's automation creates, against their cap) without touching this table itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID userId) {
        RowLock.lock(em, User.class, userId);
    }

    public boolean anyUser() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult() > 0;
    }

    /**
     * Locks the default organization first: two instances racing to create the first user serialize here,
     * and the second sees the first's user and gets 409.
     */
    public FirstUser createFirst(NewUser request) {
        RowLock.lock(em, Organization.class, Organization.DEFAULT_ID);
        if (anyUser()) {
            throw ApiException.conflict("The first user has already been created.");
        }
        User user = insert(request, List.of(User.OWNER), List.of(Organization.DEFAULT_ID));
        audit.record(user.id(), created(user, 201));
        return new FirstUser(user.id(), Organization.DEFAULT_ID);
    }

    public UserView create(NewUser request) {
        caller.requireSiteOwner();
        List<UUID> organizations = request.organizationIds() == null || request.organizationIds().isEmpty()
                ? List.of(Organization.DEFAULT_ID) : request.organizationIds().stream().distinct().toList();
        for (UUID organization : organizations) {
            if (em.find(Organization.class, organization) == null) {
                throw ApiException.invalidField("organization_ids", "no organization " + organization);
            }
        }
        User user = insert(request, List.of(), organizations);
        audit.record(caller.get().userId(), created(user, 201));
        return view(user);
    }

    public List<UserView> list(Page page) {
        caller.requireSiteOwner();
        return em.createNamedQuery(User.ALL, User.class).setFirstResult(page.offset()).setMaxResults(page.limit())
                .getResultList().stream().map(this::view).toList();
    }

    public UserView get(String user) {
        return view(subject(user));
    }

    /** Coder's {@code GET /users/{user}/roles}: site roles, and the roles in each organization the user belongs to. */
    public UserRoles roles(String user) {
        User subject = subject(user);
        return new UserRoles(subject.roles(), organizations.rolesOf(subject.id()));
    }

    public UserView replaceRoles(String user, List<String> roles) {
        caller.requireSiteOwner();
        User target = others(user, "You cannot change your own roles.");
        List<String> unknown = roles.stream().filter(r -> !User.SITE_ROLES.contains(r)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalidField("roles", "unknown roles " + unknown + "; known: " + User.SITE_ROLES);
        }
        List<String> before = target.roles();
        target.replaceRoles(roles.stream().filter(r -> !User.MEMBER.equals(r)).distinct().toList(), Clock.now());
        audit.record(caller.get().userId(), changed(target, Diff.of().change("roles", before, target.roles())));
        return view(target);
    }

    public UserView suspend(String user) {
        return changeStatus(user, true);
    }

    public UserView activate(String user) {
        return changeStatus(user, false);
    }

    /**
     * Resolves a {@code {user}} path segment ("me" or an id) to a user the caller may act on:
     * themselves, or anyone for a site owner. Anyone else is 404, as if they did not exist.
     */
    User subject(String user) {
        Caller me = caller.get();
        UUID id = "me".equals(user) ? me.userId() : Ids.existing(user);
        if (!id.equals(me.userId()) && !me.isSiteOwner()) {
            throw ApiException.notFound();
        }
        User found = em.find(User.class, id);
        if (found == null) {
            throw ApiException.notFound();
        }
        return found;
    }

    private UserView changeStatus(String user, boolean suspend) {
        caller.requireSiteOwner();
        User target = others(user, "You cannot change your own status.");
        String before = target.status();
        Instant now = Clock.now();
        if (suspend) {
            target.suspend(now);
        } else {
            target.activate(now);
        }
        audit.record(caller.get().userId(), changed(target, Diff.of().change("status", before, target.status())));
        return view(target);
    }

    private User others(String user, String selfMessage) {
        User target = subject(user);
        if (target.id().equals(caller.get().userId())) {
            throw ApiException.badRequest(selfMessage, List.of());
        }
        return target;
    }

    private User insert(NewUser request, List<String> roles, List<UUID> organizations) {
        Instant now = Clock.now();
        String email = User.normalize(request.email());
        String username = User.normalize(request.username());
        boolean taken = !em.createQuery("SELECT u.id FROM User u WHERE u.email = :email OR u.username = :username")
                .setParameter("email", email).setParameter("username", username).setMaxResults(1).getResultList().isEmpty();
        if (taken) {
            throw ApiException.conflict(DUPLICATE);
        }
        User user = new User(email, username, request.name(), passwords.hash(request.password()), roles, now);
        Object[] rows = Stream.concat(Stream.of(user), organizations.stream().map(o -> new Membership(o, user.id(), now))).toArray();
        UniqueWrites.persist(em, DUPLICATE, rows);
        return user;
    }

    private UserView view(User user) {
        return UserView.of(user, organizationsOf(user.id()));
    }

    List<UUID> organizationsOf(UUID user) {
        return em.createNamedQuery(Membership.ORGANIZATIONS_OF, UUID.class).setParameter("user", user).getResultList();
    }

    private static Audited created(User user, int status) {
        var diff = Diff.of().change("email", null, user.email()).change("username", null, user.username())
                .change("roles", null, user.roles()).secret("password").build();
        return new Audited(Audited.CREATE, RESOURCE, user.id(), user.username(), null, diff, status);
    }

    private static Audited changed(User user, Diff diff) {
        return new Audited(Audited.WRITE, RESOURCE, user.id(), user.username(), null, diff.build(), 200);
    }
}
