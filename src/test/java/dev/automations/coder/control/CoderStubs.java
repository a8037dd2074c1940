package dev.automations.coder.control;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * Answers of a Coder deployment, shaped as its SDK declares them (coder/coder, {@code codersdk/chats.go}: {@code Chat},
 * {@code CreateChatMessageResponse}, {@code ChatMessage}; {@code codersdk/users.go}: {@code User}; errors are
 * {@code codersdk.Response}). Only the shapes are replayed; no Coder code is used.
 */
public final class CoderStubs {

    /** The Coder user the session token belongs to: Coder owns every chat created through the API as that user. */
    public static final String CODER_USER = "5b3b1f0e-8d0c-4a57-9f3e-6a1f8e2d0c11";
    public static final String MODEL_CONFIG = "0d9b7c6a-3e2f-4b1a-8c7d-6e5f4a3b2c1d";

    private CoderStubs() {
    }

    /** 201 and a {@code Chat} with a fresh id, echoing the request's organization and labels, as {@code POST /chats} answers. */
    public static ResponseDefinitionBuilder chatCreated() {
        return json(201, """
                {"id": "{{randomValue type='UUID'}}",
                 "organization_id": "{{jsonPath request.body '$.organization_id'}}",
                 "owner_id": "%s",
                 "last_model_config_id": "%s",
                 "title": "Review the pull request.",
                 "status": "running",
                 "last_turn_summary": null,
                 "summary": null,
                 "created_at": "{{now format="yyyy-MM-dd'T'HH:mm:ss.SSS'Z'" timezone='UTC'}}",
                 "updated_at": "{{now format="yyyy-MM-dd'T'HH:mm:ss.SSS'Z'" timezone='UTC'}}",
                 "archived": false,
                 "shared": false,
                 "pin_order": 0,
                 "mcp_server_ids": [],
                 "labels": {{{toJson (jsonPath request.body '$.labels')}}},
                 "has_unread": false,
                 "client_type": "api",
                 "children": []}
                """.formatted(CODER_USER, MODEL_CONFIG)).withTransformers("response-template");
    }

    /** 200 and a {@code CreateChatMessageResponse} for a message taken at once, as {@code POST /chats/{id}/messages} answers. */
    public static ResponseDefinitionBuilder messageAccepted() {
        return json(200, """
                {"message": {"id": {{randomInt lower=1 upper=1000000}},
                             "chat_id": "{{request.pathSegments.[3]}}",
                             "created_by": "%s",
                             "created_at": "{{now format="yyyy-MM-dd'T'HH:mm:ss.SSS'Z'" timezone='UTC'}}",
                             "role": "user",
                             "content": {{{toJson (jsonPath request.body '$.content')}}} },
                 "queued": false}
                """.formatted(CODER_USER)).withTransformers("response-template");
    }

    /** 200 and the {@code Chat} as {@code GET /chats/{id}} answers, archived or not. */
    public static ResponseDefinitionBuilder chat(String id, boolean archived) {
        return json(200, """
                {"id": "%s", "organization_id": "%s", "owner_id": "%s", "last_model_config_id": "%s", "title": "Review",
                 "status": "waiting", "created_at": "2026-01-05T10:00:00.000Z", "updated_at": "2026-01-05T10:05:00.000Z",
                 "archived": %s, "shared": false, "pin_order": 0, "mcp_server_ids": [], "labels": {}, "has_unread": false,
                 "client_type": "api", "children": []}
                """.formatted(id, UUID.randomUUID(), CODER_USER, MODEL_CONFIG, archived));
    }

    /** 200 and the {@code User} of the token, as {@code GET /api/v2/users/me} answers. */
    public static ResponseDefinitionBuilder me() {
        return json(200, """
                {"id": "%s", "username": "automations-bot", "email": "automations-bot@example.com", "name": "Automations",
                 "created_at": "2026-01-05T10:00:00.000Z", "updated_at": "2026-01-05T10:00:00.000Z",
                 "last_seen_at": "2026-01-05T10:00:00.000Z", "status": "active", "login_type": "password",
                 "organization_ids": [], "roles": [], "avatar_url": "", "theme_preference": ""}
                """.formatted(CODER_USER));
    }

    /** A {@code codersdk.Response} error: {@code {"message", "detail"}}. */
    public static ResponseDefinitionBuilder error(int status, String message, String detail) {
        return json(status, "{\"message\": \"" + message + "\", \"detail\": \"" + detail + "\"}");
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
