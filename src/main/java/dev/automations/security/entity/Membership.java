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
import java.util.UUID;

@Entity
@Table(name = "organization_members")
@NamedQuery(name = Membership.FIND, query = "SELECT m FROM Membership m WHERE m.organizationId = :organization AND m.userId = :user")
@NamedQuery(name = Membership.OF_USER, query = "SELECT m FROM Membership m WHERE m.userId = :user")
@NamedQuery(name = Membership.ORGANIZATIONS_OF, query = "SELECT m.organizationId FROM Membership m WHERE m.userId = :user ORDER BY m.createdAt, m.id")
public class Membership {

    public static final String FIND = "Membership.find";
    public static final String OF_USER = "Membership.ofUser";
    public static final String ORGANIZATIONS_OF = "Membership.organizationsOf";
    public static final String ADMIN = "organization-admin";
    public static final String MEMBER = "organization-member";
    public static final List<String> ROLES = List.of(ADMIN, MEMBER);

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "user_id")
    private UUID userId;
    private String roles;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Membership() {
    }

    public Membership(UUID organizationId, UUID userId, Instant now) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.userId = userId;
        this.roles = "";
        this.createdAt = now;
    }

    public void replaceRoles(Collection<String> newRoles) {
        roles = RoleList.join(newRoles);
    }

    public boolean isAdmin() {
        return RoleList.split(roles).contains(ADMIN);
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID userId() {
        return userId;
    }

    public List<String> roles() {
        return RoleList.split(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
