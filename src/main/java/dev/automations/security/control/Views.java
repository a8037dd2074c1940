package dev.automations.security.control;

import dev.automations.security.entity.ApiKey;
import dev.automations.security.entity.Membership;
import dev.automations.security.entity.Organization;
import dev.automations.security.entity.User;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes of §3. */
public final class Views {

    private Views() {
    }

    public record UserView(UUID id, String username, String email, String name, String status, List<String> roles,
                           List<UUID> organizationIds, Instant createdAt) {
        static UserView of(User u, List<UUID> organizationIds) {
            return new UserView(u.id(), u.username(), u.email(), u.name(), u.status(), u.roles(), organizationIds, u.createdAt());
        }
    }

    /** Organization ids as keys: JSON object keys are strings, which the JSON-B providers write only for String keys. */
    public record UserRoles(List<String> roles, Map<String, List<String>> organizationRoles) {
    }

    public record OrganizationView(UUID id, String name, boolean isDefault, Instant createdAt) {
        static OrganizationView of(Organization o) {
            return new OrganizationView(o.id(), o.name(), o.isDefault(), o.createdAt());
        }
    }

    public record MemberView(UUID organizationId, UUID userId, List<String> roles, Instant createdAt) {
        static MemberView of(Membership m) {
            return new MemberView(m.organizationId(), m.userId(), m.roles(), m.createdAt());
        }
    }

    public record TokenView(String id, UUID userId, String tokenName, String loginType, long lifetimeSeconds,
                            Instant createdAt, Instant expiresAt) {
        static TokenView of(ApiKey k) {
            return new TokenView(k.keyId(), k.userId(), k.tokenName(), k.loginType(), k.lifetimeSeconds(), k.createdAt(), k.expiresAt());
        }
    }

    public record FirstUser(UUID userId, UUID organizationId) {
    }

    public record SessionToken(String sessionToken) {
    }

    public record NewKey(String key) {
    }
}
