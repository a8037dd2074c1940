package dev.automations.security.entity;

import dev.automations.platform.entity.RoleList;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.createdAt, u.id")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
public class User {

    public static final String BY_EMAIL = "User.byEmail";
    public static final String ALL = "User.all";
    public static final String COUNT = "User.count";
    public static final String OWNER = "owner";
    public static final String MEMBER = "member";
    public static final List<String> SITE_ROLES = List.of(OWNER, MEMBER);
    static final String ACTIVE = "active";
    static final String SUSPENDED = "suspended";

    @Id
    private UUID id;
    private String email;
    private String username;
    private String name;
    @Column(name = "password_hash")
    private String passwordHash;
    private String status;
    private String roles;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected User() {
    }

    public User(String email, String username, String name, String passwordHash, Collection<String> roles, Instant now) {
        this.id = UUID.randomUUID();
        this.email = normalize(email);
        this.username = normalize(username);
        this.name = name;
        this.passwordHash = passwordHash;
        this.status = ACTIVE;
        this.roles = RoleList.join(roles);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Emails and usernames are unique regardless of case, which the unique indexes enforce on the lower-cased form. */
    public static String normalize(String identifier) {
        return identifier.trim().toLowerCase(Locale.ROOT);
    }

    public void replaceRoles(Collection<String> newRoles, Instant now) {
        roles = RoleList.join(newRoles);
        updatedAt = now;
    }

    public void suspend(Instant now) {
        status = SUSPENDED;
        updatedAt = now;
    }

    public void activate(Instant now) {
        status = ACTIVE;
        updatedAt = now;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String username() {
        return username;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String status() {
        return status;
    }

    /** Every user is at least a member; "member" is implied, never stored. */
    public List<String> roles() {
        List<String> stored = RoleList.split(roles);
        return stored.isEmpty() ? List.of(MEMBER) : stored;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
