package dev.automations.chat.entity;

import dev.automations.platform.entity.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A chat of the embedded bridge (§11). */
@Entity
@Table(name = "chats")
public class Chat {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "automation_id")
    private UUID automationId;
    private String title;
    private String status;
    @Column(name = "client_type")
    private String clientType;
    @Column(name = "model_config_id")
    private UUID modelConfigId;
    @Column(name = "mcp_server_ids")
    private String mcpServerIds;
    private boolean archived;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Chat() {
    }

    public Chat(UUID ownerId, UUID organizationId, UUID automationId, String title, UUID modelConfigId, List<UUID> mcpServerIds, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.organizationId = organizationId;
        this.automationId = automationId;
        this.title = title;
        this.status = "pending";
        this.clientType = "api";
        this.modelConfigId = modelConfigId;
        this.mcpServerIds = JsonText.strings(mcpServerIds);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void retitle(String newTitle, Instant now) {
        title = newTitle;
        updatedAt = now;
    }

    public void archive(boolean value, Instant now) {
        archived = value;
        updatedAt = now;
    }

    /** A new message makes the chat the most recently updated, which is what continuing picks (§9). */
    public void touch(Instant now) {
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID automationId() {
        return automationId;
    }

    public String title() {
        return title;
    }

    public String status() {
        return status;
    }

    public String clientType() {
        return clientType;
    }

    public boolean archived() {
        return archived;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
