package dev.automations.mcp.entity;

import dev.automations.secret.control.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An MCP server whose tools an organization's agent turns may use (§16). Its headers exist here only sealed, as one
 * JSON object, beside the id of the key that sealed them.
 */
@Entity
@Table(name = "mcp_servers")
@NamedQuery(name = McpServer.OF_ORGANIZATION,
        query = "SELECT m FROM McpServer m WHERE m.organizationId = :organization ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = McpServer.OF_ORGANIZATIONS,
        query = "SELECT m FROM McpServer m WHERE m.organizationId IN :organizations ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = McpServer.ALL, query = "SELECT m FROM McpServer m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = McpServer.USABLE, query = "SELECT m FROM McpServer m WHERE m.organizationId = :organization AND m.enabled = TRUE"
        + " AND m.id IN :ids")
@NamedQuery(name = McpServer.HEADERS_UNDER_OTHER_KEYS, query = "SELECT m FROM McpServer m WHERE m.headersKeyId <> :primary")
public class McpServer {

    public static final String OF_ORGANIZATION = "McpServer.ofOrganization";
    public static final String OF_ORGANIZATIONS = "McpServer.ofOrganizations";
    public static final String ALL = "McpServer.all";
    public static final String USABLE = "McpServer.usable";
    public static final String HEADERS_UNDER_OTHER_KEYS = "McpServer.headersUnderOtherKeys";

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String name;
    private String url;
    @Column(name = "headers_key_id")
    private String headersKeyId;
    @Column(name = "headers_sealed")
    private String headersSealed;
    private boolean enabled;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected McpServer() {
    }

    public McpServer(UUID organizationId, String name, String url, Instant now) {
        this.id = UUID.randomUUID();
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.enabled = true;
        this.createdAt = now;
        rename(name);
        pointAt(url);
        touch(now);
    }

    public void rename(String newName) {
        name = Objects.requireNonNull(newName, "name");
    }

    public void pointAt(String newUrl) {
        url = Objects.requireNonNull(newUrl, "url");
    }

    /** {@code null} removes the headers. */
    public void useHeaders(Sealed headers) {
        headersKeyId = headers == null ? null : headers.keyId();
        headersSealed = headers == null ? null : headers.ciphertext();
    }

    public void enable(boolean on) {
        enabled = on;
    }

    public void touch(Instant now) {
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public Sealed headers() {
        return headersSealed == null ? null : new Sealed(headersKeyId, headersSealed);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
