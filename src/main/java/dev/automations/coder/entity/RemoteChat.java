package dev.automations.coder.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A chat this service created in the Coder deployment (§17), as last seen from here; its id is Coder's. */
@Entity
@Table(name = "coder_chats")
public class RemoteChat {

    @Id
    private UUID id;
    @Column(name = "owner_id")
    private UUID ownerId;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "automation_id")
    private UUID automationId;
    private boolean archived;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected RemoteChat() {
    }

    public RemoteChat(UUID remoteId, UUID ownerId, UUID organizationId, UUID automationId, Instant now) {
        this.id = remoteId;
        this.ownerId = ownerId;
        this.organizationId = organizationId;
        this.automationId = automationId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A message was appended: the most recently updated chat is the one continued (§9 step 3). */
    public void touch(Instant now) {
        updatedAt = now;
    }

    /** Coder said the chat is gone or archived; it is never continued again. */
    public void archive(Instant now) {
        archived = true;
        updatedAt = now;
    }
}
