package dev.automations.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A session or API token. Holds only the SHA-256 of the token's secret half. */
@Entity
@Table(name = "api_keys")
@NamedQuery(name = ApiKey.BY_KEY_ID, query = "SELECT k FROM ApiKey k WHERE k.keyId = :keyId")
@NamedQuery(name = ApiKey.TOKENS_OF, query = "SELECT k FROM ApiKey k WHERE k.userId = :user AND k.loginType = 'token' ORDER BY k.createdAt, k.id")
public class ApiKey {

    public static final String BY_KEY_ID = "ApiKey.byKeyId";
    public static final String TOKENS_OF = "ApiKey.tokensOf";
    public static final String SESSION = "password";
    public static final String TOKEN = "token";

    @Id
    private UUID id;
    @Column(name = "key_id")
    private String keyId;
    @Column(name = "user_id")
    private UUID userId;
    @Column(name = "hashed_secret")
    private String hashedSecret;
    @Column(name = "login_type")
    private String loginType;
    @Column(name = "token_name")
    private String tokenName;
    @Column(name = "lifetime_seconds")
    private long lifetimeSeconds;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;

    protected ApiKey() {
    }

    public ApiKey(String keyId, String hashedSecret, UUID userId, String loginType, String tokenName, Duration lifetime, Instant now) {
        this.id = UUID.randomUUID();
        this.keyId = keyId;
        this.hashedSecret = hashedSecret;
        this.userId = userId;
        this.loginType = loginType;
        this.tokenName = tokenName;
        this.lifetimeSeconds = lifetime.toSeconds();
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String keyId() {
        return keyId;
    }

    public UUID userId() {
        return userId;
    }

    public String hashedSecret() {
        return hashedSecret;
    }

    public String loginType() {
        return loginType;
    }

    public String tokenName() {
        return tokenName;
    }

    public long lifetimeSeconds() {
        return lifetimeSeconds;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
