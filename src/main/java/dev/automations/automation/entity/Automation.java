package dev.automations.automation.entity;

import dev.automations.platform.entity.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "automations")
public class Automation {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String name;
    private String description;
    private String instructions;
    @Column(name = "model_config_id")
    private UUID modelConfigId;
    @Column(name = "mcp_server_ids")
    private String mcpServerIds;
    @Column(name = "allowed_tools")
    private String allowedTools;
    @Convert(converter = AutomationStatusConverter.class)
    private AutomationStatus status;
    @Column(name = "max_chat_creates_per_hour")
    private int maxChatCreatesPerHour;
    @Column(name = "max_messages_per_hour")
    private int maxMessagesPerHour;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Automation() {
    }

    public Automation(UUID ownerId, UUID organizationId, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.ownerId = ownerId;
        this.organizationId = organizationId;
        this.name = name;
        this.mcpServerIds = JsonText.strings(List.of());
        this.allowedTools = JsonText.strings(List.of());
        this.status = AutomationStatus.DISABLED;
        this.maxChatCreatesPerHour = 10;
        this.maxMessagesPerHour = 60;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String newName) {
        name = newName;
    }

    public void describe(String newDescription) {
        description = newDescription;
    }

    public void instruct(String newInstructions) {
        instructions = newInstructions;
    }

    public void useModel(UUID newModelConfigId) {
        modelConfigId = newModelConfigId;
    }

    public void useMcpServers(List<UUID> ids) {
        mcpServerIds = JsonText.strings(ids);
    }

    public void allowTools(List<String> tools) {
        allowedTools = JsonText.strings(tools);
    }

    public void changeStatus(AutomationStatus newStatus) {
        status = Objects.requireNonNull(newStatus);
    }

    public void limit(int chatCreatesPerHour, int messagesPerHour) {
        if (chatCreatesPerHour < 1 || messagesPerHour < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        maxChatCreatesPerHour = chatCreatesPerHour;
        maxMessagesPerHour = messagesPerHour;
    }

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

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String instructions() {
        return instructions;
    }

    public UUID modelConfigId() {
        return modelConfigId;
    }

    public List<UUID> mcpServerIds() {
        return JsonText.strings(mcpServerIds).stream().map(UUID::fromString).toList();
    }

    public List<String> allowedTools() {
        return JsonText.strings(allowedTools);
    }

    public AutomationStatus status() {
        return status;
    }

    public int maxChatCreatesPerHour() {
        return maxChatCreatesPerHour;
    }

    public int maxMessagesPerHour() {
        return maxMessagesPerHour;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
