package dev.automations.security.boundary;

import dev.automations.audit.control.AuditView;
import dev.automations.platform.boundary.Endpoint;
import dev.automations.platform.boundary.Operations;
import dev.automations.security.control.Views.FirstUser;
import dev.automations.security.control.Views.MemberView;
import dev.automations.security.control.Views.NewKey;
import dev.automations.security.control.Views.OrganizationView;
import dev.automations.security.control.Views.SessionToken;
import dev.automations.security.control.Views.TokenView;
import dev.automations.security.control.Views.UserRoles;
import dev.automations.security.control.Views.UserView;

import java.util.List;

import static dev.automations.platform.boundary.Endpoint.PUBLIC;
import static dev.automations.platform.boundary.Endpoint.SIGNED_IN;
import static dev.automations.platform.boundary.Endpoint.listOf;

/** Users, sessions, tokens, organizations and the audit log (§3, §13) for the OpenAPI document. */
public class SecurityOperations implements Operations {

    /** {@code {"message": "..."}}, the body of the two answers that carry only a sentence. */
    record Message(String message) {
    }

    @Override
    public List<Endpoint> operations() {
        return List.of(
                new Endpoint(UsersResource.class, "firstUserExists", "getFirstUser", "Whether the first user exists (404 while none does)",
                        PUBLIC, 200, Message.class, null, 404),
                new Endpoint(UsersResource.class, "createFirst", "createFirstUser", "Create the first user, the site owner", PUBLIC, 201,
                        FirstUser.class, null, 409),
                new Endpoint(UsersResource.class, "login", "login", "Log in with email and password", PUBLIC, 201, SessionToken.class, null, 401),
                new Endpoint(UsersResource.class, "logout", "logout", "End this session", SIGNED_IN, 200, Message.class, null),
                new Endpoint(UsersResource.class, "me", "getCurrentUser", "The caller", SIGNED_IN, 200, UserView.class, null),
                new Endpoint(UsersResource.class, "get", "getUser", "A user, by id or me", SIGNED_IN, 200, UserView.class, null, 404),
                new Endpoint(UsersResource.class, "roles", "getUserRoles", "A user's site roles and roles in each of its organizations",
                        SIGNED_IN, 200, UserRoles.class, null, 404),
                new Endpoint(UsersResource.class, "create", "createUser", "Create a user (site owner)", SIGNED_IN, 201, UserView.class, null,
                        403, 409),
                new Endpoint(UsersResource.class, "list", "listUsers", "Users (site owner)", SIGNED_IN, 200, listOf(UserView.class), null,
                        400, 403),
                new Endpoint(UsersResource.class, "replaceRoles", "replaceUserRoles", "Replace a user's site roles", SIGNED_IN, 200,
                        UserView.class, null, 403, 404),
                new Endpoint(UsersResource.class, "suspend", "suspendUser", "Suspend a user", SIGNED_IN, 200, UserView.class, null,
                        400, 403, 404),
                new Endpoint(UsersResource.class, "activate", "activateUser", "Activate a user", SIGNED_IN, 200, UserView.class, null,
                        400, 403, 404),
                new Endpoint(TokensResource.class, "create", "createToken", "Create an API token; its key is in this answer only",
                        SIGNED_IN, 201, NewKey.class, null, 404, 409),
                new Endpoint(TokensResource.class, "list", "listTokens", "A user's API tokens", SIGNED_IN, 200, listOf(TokenView.class),
                        null, 404),
                new Endpoint(TokensResource.class, "delete", "deleteToken", "Revoke a token", SIGNED_IN, 204, null, null, 404),
                new Endpoint(OrganizationsResource.class, "list", "listOrganizations", "Organizations the caller belongs to", SIGNED_IN,
                        200, listOf(OrganizationView.class), null),
                new Endpoint(OrganizationsResource.class, "create", "createOrganization", "Create an organization (site owner)",
                        SIGNED_IN, 201, OrganizationView.class, null, 403, 409),
                new Endpoint(OrganizationsResource.class, "addMember", "addOrganizationMember", "Add a member", SIGNED_IN, 200,
                        MemberView.class, null, 403, 404),
                new Endpoint(OrganizationsResource.class, "replaceRoles", "replaceOrganizationMemberRoles", "Replace a member's roles",
                        SIGNED_IN, 200, MemberView.class, null, 403, 404),
                new Endpoint(OrganizationsResource.class, "removeMember", "removeOrganizationMember", "Remove a member", SIGNED_IN, 204,
                        null, null, 403, 404),
                new Endpoint(AuditResource.class, "search", "listAuditEntries", "The audit log, newest first", SIGNED_IN, 200,
                        listOf(AuditView.class), null, 400, 403));
    }
}
