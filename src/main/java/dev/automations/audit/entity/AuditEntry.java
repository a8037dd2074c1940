package dev.automations.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of the audit log; written once, never changed. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    @Id
    private UUID id;
    private Instant time;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String action;
    @Column(name = "resource_type")
    private String resourceType;
    @Column(name = "resource_id")
    private String resourceId;
    @Column(name = "resource_name")
    private String resourceName;
    private String diff;
    private String ip;
    @Column(name = "user_agent")
    private String userAgent;
    @Column(name = "status_code")
    private int statusCode;

    protected AuditEntry() {
    }

    public AuditEntry(Instant time, UUID userId, UUID organizationId, String action, String resourceType, String resourceId,
                      String resourceName, String diff, String ip, String userAgent, int statusCode) {
        this.id = UUID.randomUUID();
        this.time = time;
        this.userId = userId;
        this.organizationId = organizationId;
        this.action = action;
        this.resourceType = resourceType;
        this.resourceId = resourceId;
        this.resourceName = resourceName;
        this.diff = diff;
        this.ip = ip;
        this.userAgent = userAgent;
        this.statusCode = statusCode;
    }

    public UUID id() {
        return id;
    }

    public Instant time() {
        return time;
    }

    public UUID userId() {
        return userId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String action() {
        return action;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    public String resourceName() {
        return resourceName;
    }

    public String diff() {
        return diff;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public int statusCode() {
        return statusCode;
    }
}
