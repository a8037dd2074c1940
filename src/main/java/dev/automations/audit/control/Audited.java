package dev.automations.audit.control;

import jakarta.json.JsonObject;

import java.util.UUID;

/** What an audited action did; who and from where are added by {@link AuditLog}. */
public record Audited(String action, String resourceType, Object resourceId, String resourceName,
                      UUID organizationId, JsonObject diff, int statusCode) {

    public static final String CREATE = "create";
    public static final String WRITE = "write";
    public static final String DELETE = "delete";
    public static final String LOGIN = "login";
    public static final String LOGOUT = "logout";
    public static final String REGENERATE_SECRET = "regenerate_secret";
    public static final String REPLAY = "replay";
}
