package dev.automations.security.control;

import java.util.List;
import java.util.UUID;

/** Who is calling, as the authentication mechanism established it for this request. */
public record Caller(UUID userId, List<String> roles, String keyId) {

    public boolean isSiteOwner() {
        return roles.contains(dev.automations.security.entity.User.OWNER);
    }
}
