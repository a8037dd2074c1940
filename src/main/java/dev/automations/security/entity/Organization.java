package dev.automations.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "organizations")
@NamedQuery(name = Organization.ALL, query = "SELECT o FROM Organization o ORDER BY o.createdAt, o.id")
@NamedQuery(name = Organization.OF_USER, query = "SELECT o FROM Organization o, Membership m "
        + "WHERE m.organizationId = o.id AND m.userId = :user ORDER BY o.createdAt, o.id")
public class Organization {

    public static final String ALL = "Organization.all";
    public static final String OF_USER = "Organization.ofUser";
    /** Created by the first migration, so every instance agrees on it. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Id
    private UUID id;
    private String name;
    @Column(name = "is_default")
    private boolean isDefault;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Organization() {
    }

    public Organization(String name, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.isDefault = false;
        this.createdAt = now;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean isDefault() {
        return isDefault;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
