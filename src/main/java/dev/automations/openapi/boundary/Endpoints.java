package dev.automations.openapi.boundary;

import dev.automations.audit.boundary.AuditResource;
import dev.automations.audit.control.AuditView;
import dev.automations.automation.boundary.AutomationsResource;
import dev.automations.automation.control.AutomationFields;
import dev.automations.automation.control.AutomationView;
import dev.automations.chat.boundary.ChatsResource;
import dev.automations.chat.control.ChatViews.ChatChanges;
import dev.automations.chat.control.ChatViews.ChatView;
import dev.automations.chat.control.ChatViews.MessageView;
import dev.automations.chat.control.ChatViews.Messages;
import dev.automations.event.boundary.EventsResource;
import dev.automations.event.control.EventView;
import dev.automations.event.control.Events.TestRequest;
import dev.automations.event.control.Events.TestResult;
import dev.automations.platform.boundary.BuildInfoResource;
import dev.automations.platform.boundary.BuildInfoResource.BuildInfo;
import dev.automations.security.boundary.OrganizationsResource;
import dev.automations.security.boundary.TokensResource;
import dev.automations.security.boundary.UsersResource;
import dev.automations.security.control.Views.FirstUser;
import dev.automations.security.control.Views.MemberView;
import dev.automations.security.control.Views.NewKey;
import dev.automations.security.control.Views.OrganizationView;
import dev.automations.security.control.Views.SessionToken;
import dev.automations.security.control.Views.TokenView;
import dev.automations.security.control.Views.UserView;
import dev.automations.trigger.boundary.TriggersResource;
import dev.automations.trigger.control.TriggerFields.NextRunTimes;
import dev.automations.trigger.control.TriggerFields.TriggerChanges;
import dev.automations.trigger.control.TriggerView;
import dev.automations.webhook.boundary.WebhookResource;

import java.lang.reflect.Type;
import java.util.List;

/** Every operation of the API (contract §3–§6, §11, §13), with its statuses. {@code EndpointsTest} keeps it complete. */
final class Endpoints {

    /** {@code {"message": "..."}}, the body of the two answers that carry only a sentence. */
    record Message(String message) {
    }

    /** The webhook's answer, always {@code {}} (§6). */
    record Acknowledged() {
    }

    private static final boolean PUBLIC = false;
    private static final boolean SIGNED_IN = true;

    static final List<Endpoint> ALL = List.of(
            new Endpoint(BuildInfoResource.class, "get", "getBuildInfo", "Version and external URL", PUBLIC, 200, BuildInfo.class, null),

            new Endpoint(UsersResource.class, "firstUserExists", "getFirstUser", "Whether the first user exists (404 while none does)",
                    PUBLIC, 200, Message.class, null, 404),
            new Endpoint(UsersResource.class, "createFirst", "createFirstUser", "Create the first user, the site owner", PUBLIC, 201,
                    FirstUser.class, null, 409),
            new Endpoint(UsersResource.class, "login", "login", "Log in with email and password", PUBLIC, 201, SessionToken.class, null, 401),
            new Endpoint(UsersResource.class, "logout", "logout", "End this session", SIGNED_IN, 200, Message.class, null),
            new Endpoint(UsersResource.class, "me", "getCurrentUser", "The caller", SIGNED_IN, 200, UserView.class, null),
            new Endpoint(UsersResource.class, "get", "getUser", "A user, by id or me", SIGNED_IN, 200, UserView.class, null, 404),
            new Endpoint(UsersResource.class, "create", "createUser", "Create a user (site owner)", SIGNED_IN, 201, UserView.class, null,
                    403, 409),
            new Endpoint(UsersResource.class, "list", "listUsers", "Users (site owner)", SIGNED_IN, 200, list(UserView.class), null, 400, 403),
            new Endpoint(UsersResource.class, "replaceRoles", "replaceUserRoles", "Replace a user's site roles", SIGNED_IN, 200,
                    UserView.class, null, 403, 404),
            new Endpoint(UsersResource.class, "suspend", "suspendUser", "Suspend a user", SIGNED_IN, 200, UserView.class, null, 400, 403, 404),
            new Endpoint(UsersResource.class, "activate", "activateUser", "Activate a user", SIGNED_IN, 200, UserView.class, null, 400, 403, 404),

            new Endpoint(TokensResource.class, "create", "createToken", "Create an API token", SIGNED_IN, 201, NewKey.class, null, 404, 409),
            new Endpoint(TokensResource.class, "list", "listTokens", "A user's API tokens", SIGNED_IN, 200, list(TokenView.class), null, 404),
            new Endpoint(TokensResource.class, "delete", "deleteToken", "Revoke a token", SIGNED_IN, 204, null, null, 404),

            new Endpoint(OrganizationsResource.class, "list", "listOrganizations", "Organizations the caller belongs to", SIGNED_IN, 200,
                    list(OrganizationView.class), null),
            new Endpoint(OrganizationsResource.class, "create", "createOrganization", "Create an organization (site owner)", SIGNED_IN, 201,
                    OrganizationView.class, null, 403, 409),
            new Endpoint(OrganizationsResource.class, "addMember", "addOrganizationMember", "Add a member", SIGNED_IN, 200,
                    MemberView.class, null, 403, 404),
            new Endpoint(OrganizationsResource.class, "replaceRoles", "replaceOrganizationMemberRoles", "Replace a member's roles",
                    SIGNED_IN, 200, MemberView.class, null, 403, 404),
            new Endpoint(OrganizationsResource.class, "removeMember", "removeOrganizationMember", "Remove a member", SIGNED_IN, 204,
                    null, null, 403, 404),

            new Endpoint(AuditResource.class, "search", "listAuditEntries", "The audit log, newest first", SIGNED_IN, 200,
                    list(AuditView.class), null, 400, 403),

            new Endpoint(AutomationsResource.class, "create", "createAutomation", "Create an automation", SIGNED_IN, 201,
                    AutomationView.class, null, 404, 409),
            new Endpoint(AutomationsResource.class, "list", "listAutomations", "Automations", SIGNED_IN, 200, list(AutomationView.class), null,
                    400),
            new Endpoint(AutomationsResource.class, "schedulePreview", "previewSchedule", "The next run times of a cron schedule",
                    SIGNED_IN, 200, NextRunTimes.class, null),
            new Endpoint(AutomationsResource.class, "get", "getAutomation", "An automation", SIGNED_IN, 200, AutomationView.class, null, 404),
            new Endpoint(AutomationsResource.class, "update", "updateAutomation", "Change an automation", SIGNED_IN, 200,
                    AutomationView.class, AutomationFields.class, 404),
            new Endpoint(AutomationsResource.class, "test", "testAutomation", "Evaluate a payload without recording it", SIGNED_IN, 200,
                    TestResult.class, TestRequest.class, 404),
            new Endpoint(AutomationsResource.class, "delete", "deleteAutomation", "Delete an automation and its events", SIGNED_IN, 204,
                    null, null, 404),

            new Endpoint(TriggersResource.class, "create", "createTrigger", "Create a trigger; a webhook's secret is in this answer only",
                    SIGNED_IN, 201, TriggerView.class, null, 404, 409),
            new Endpoint(TriggersResource.class, "list", "listTriggers", "An automation's triggers", SIGNED_IN, 200, list(TriggerView.class),
                    null, 404),
            new Endpoint(TriggersResource.class, "get", "getTrigger", "A trigger", SIGNED_IN, 200, TriggerView.class, null, 404),
            new Endpoint(TriggersResource.class, "update", "updateTrigger", "Change a trigger", SIGNED_IN, 200, TriggerView.class,
                    TriggerChanges.class, 404),
            new Endpoint(TriggersResource.class, "delete", "deleteTrigger", "Delete a trigger (its events stay)", SIGNED_IN, 204, null, null,
                    404),
            new Endpoint(TriggersResource.class, "regenerateSecret", "regenerateTriggerSecret",
                    "New webhook secret, in this answer only", SIGNED_IN, 200, TriggerView.class, null, 404),

            new Endpoint(EventsResource.class, "list", "listEvents", "An automation's events, newest first", SIGNED_IN, 200,
                    list(EventView.class), null, 400, 404),
            new Endpoint(EventsResource.class, "get", "getEvent", "An event", SIGNED_IN, 200, EventView.class, null, 404),
            new Endpoint(EventsResource.class, "replay", "replayEvent", "Judge and fire a stored event again", SIGNED_IN, 201,
                    EventView.class, null, 400, 404),

            new Endpoint(ChatsResource.class, "list", "listChats", "The caller's chats", SIGNED_IN, 200, list(ChatView.class), null, 400),
            new Endpoint(ChatsResource.class, "create", "createChat", "Start a chat", SIGNED_IN, 201, ChatView.class, null, 404),
            new Endpoint(ChatsResource.class, "get", "getChat", "A chat", SIGNED_IN, 200, ChatView.class, null, 404),
            new Endpoint(ChatsResource.class, "messages", "listChatMessages", "A chat's messages, oldest first", SIGNED_IN, 200,
                    Messages.class, null, 400, 404),
            new Endpoint(ChatsResource.class, "post", "postChatMessage", "Add a message", SIGNED_IN, 200, MessageView.class, null, 403, 404),
            new Endpoint(ChatsResource.class, "update", "updateChat", "Change a chat's title, archived flag or labels", SIGNED_IN, 204,
                    null, ChatChanges.class, 403, 404),

            new Endpoint(WebhookResource.class, "deliver", "deliverWebhook",
                    "A webhook delivery: 200 for any body and headers; 503 asks the sender to retry", PUBLIC, 200, Acknowledged.class, null));

    private Endpoints() {
    }

    private static Type list(Class<?> element) {
        return new ListOf(element);
    }

    /** A JSON array of {@code element}: the answer of a method that returns {@code List<element>}. */
    record ListOf(Class<?> element) implements Type {
    }
}
