package dev.automations.model.entity;

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
 * A model endpoint an organization's chats are answered with (§15). The API key exists here only sealed beside its
 * key id. Being the default is stored as the organization's id in {@code default_for}, which a unique index keeps
 * to one config per organization.
 */
@Entity
@Table(name = "model_configs")
@NamedQuery(name = ModelConfig.OF_ORGANIZATION,
        query = "SELECT m FROM ModelConfig m WHERE m.organizationId = :organization ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = ModelConfig.OF_ORGANIZATIONS,
        query = "SELECT m FROM ModelConfig m WHERE m.organizationId IN :organizations ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = ModelConfig.ALL, query = "SELECT m FROM ModelConfig m ORDER BY m.createdAt DESC, m.id DESC")
@NamedQuery(name = ModelConfig.DEFAULT_OF, query = "SELECT m FROM ModelConfig m WHERE m.defaultFor = :organization")
@NamedQuery(name = ModelConfig.KEYS_UNDER_OTHER_KEYS, query = "SELECT m FROM ModelConfig m WHERE m.apiKeyKeyId <> :primary")
public class ModelConfig {

    public static final String OF_ORGANIZATION = "ModelConfig.ofOrganization";
    public static final String OF_ORGANIZATIONS = "ModelConfig.ofOrganizations";
    public static final String ALL = "ModelConfig.all";
    public static final String DEFAULT_OF = "ModelConfig.defaultOf";
    public static final String KEYS_UNDER_OTHER_KEYS = "ModelConfig.keysUnderOtherKeys";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String name;
    private String provider;
    @Column(name = "base_url")
    private String baseUrl;
    private String model;
    @Column(name = "api_key_key_id")
    private String apiKeyKeyId;
    @Column(name = "api_key_sealed")
    private String apiKeySealed;
    @Column(name = "max_output_tokens")
    private Integer maxOutputTokens;
    private Double temperature;
    @Column(name = "system_prompt")
    private String systemPrompt;
    private boolean enabled;
    @Column(name = "default_for")
    private UUID defaultFor;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected ModelConfig() {
    }

    public ModelConfig(UUID organizationId, String name, String baseUrl, String model, Instant now) {
        this.id = UUID.randomUUID();
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.provider = OPENAI_COMPATIBLE;
        this.enabled = true;
        this.createdAt = now;
        rename(name);
        pointAt(baseUrl, model);
        touch(now);
    }

    public void rename(String newName) {
        name = Objects.requireNonNull(newName, "name");
    }

    public void pointAt(String newBaseUrl, String newModel) {
        baseUrl = Objects.requireNonNull(newBaseUrl, "baseUrl");
        model = Objects.requireNonNull(newModel, "model");
    }

    public void useProvider(String newProvider) {
        provider = Objects.requireNonNull(newProvider, "provider");
    }

    /** {@code null} removes the key. */
    public void useApiKey(Sealed key) {
        apiKeyKeyId = key == null ? null : key.keyId();
        apiKeySealed = key == null ? null : key.ciphertext();
    }

    public void limitOutput(Integer newMaxOutputTokens) {
        maxOutputTokens = newMaxOutputTokens;
    }

    public void useTemperature(Double newTemperature) {
        temperature = newTemperature;
    }

    public void instruct(String newSystemPrompt) {
        systemPrompt = newSystemPrompt;
    }

    public void enable(boolean on) {
        enabled = on;
    }

    /** Only one config per organization may be its default; the caller clears the previous one first. */
    public void makeDefault(boolean on) {
        defaultFor = on ? organizationId : null;
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

    public String provider() {
        return provider;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String model() {
        return model;
    }

    public Sealed apiKey() {
        return apiKeySealed == null ? null : new Sealed(apiKeyKeyId, apiKeySealed);
    }

    public Integer maxOutputTokens() {
        return maxOutputTokens;
    }

    public Double temperature() {
        return temperature;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isDefault() {
        return defaultFor != null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
