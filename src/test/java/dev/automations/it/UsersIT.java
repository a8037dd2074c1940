package dev.automations.it;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** §3 end to end on a real Payara Micro: users, sessions, tokens, organizations, and their audit entries. */
class UsersIT extends ServiceIT {

    private static final String DEFAULT_ORG = "00000000-0000-0000-0000-000000000001";

    @Test
    void firstUserIsOwnerOfDefaultOrganizationAndOnlyOnce() {
        Api api = api();
        String owner = api.ownerToken();
        api.anonymous().get("/api/v2/users/first").then().statusCode(200);
        api.anonymous().body(Map.of("email", "second@example.com", "username", "second", "password", "whatever-123"))
                .post("/api/v2/users/first").then().statusCode(409).body("message", notNullValue());
        api.as(owner).get("/api/v2/users/me").then().statusCode(200)
                .body("email", equalTo(Api.OWNER_EMAIL)).body("roles", equalTo(List.of("owner")))
                .body("status", equalTo("active")).body("organization_ids", equalTo(List.of(DEFAULT_ORG)))
                .body("created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"))
                .body("$", not(hasKey("password_hash")));
    }

    @Test
    void loginFailuresAreTheSame401() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User user = api.newUser(owner);
        String wrongPassword = api.anonymous().body(Map.of("email", user.email(), "password", "wrong-password"))
                .post("/api/v2/users/login").then().statusCode(401).extract().path("message");
        String unknownUser = api.anonymous().body(Map.of("email", "nobody@example.com", "password", "wrong-password"))
                .post("/api/v2/users/login").then().statusCode(401).extract().path("message");
        api.as(owner).put("/api/v2/users/" + user.id() + "/status/suspend").then().statusCode(200).body("status", equalTo("suspended"));
        String suspended = api.anonymous().body(Map.of("email", user.email(), "password", Api.PASSWORD))
                .post("/api/v2/users/login").then().statusCode(401).extract().path("message");
        assertEquals(wrongPassword, unknownUser);
        assertEquals(wrongPassword, suspended);
    }

    @Test
    void eachAuthenticationMethodWorksAndLogoutEndsTheSession() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User user = api.newUser(owner);
        api.anonymous().header("Coder-Session-Token", user.token()).get("/api/v2/users/me").then().statusCode(200).body("id", equalTo(user.id()));
        api.anonymous().header("Authorization", "Bearer " + user.token()).get("/api/v2/users/me").then().statusCode(200).body("id", equalTo(user.id()));
        api.anonymous().cookie("coder_session_token", user.token()).get("/api/v2/users/me").then().statusCode(200).body("id", equalTo(user.id()));
        api.as(user.token()).post("/api/v2/users/logout").then().statusCode(200);
        api.as(user.token()).get("/api/v2/users/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
    }

    @Test
    void missingMalformedAndUnknownTokensAre401WithChallenge() {
        Api api = api();
        api.anonymous().get("/api/v2/users/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"automations\"")).body("message", notNullValue());
        api.as("not-a-token").get("/api/v2/users/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""));
        api.as("AAAAAAAAAA-BBBBBBBBBBBBBBBBBBBBBB").get("/api/v2/users/me").then().statusCode(401);
    }

    @Test
    void suspendedUsersTokensStopWorkingUntilActivated() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User user = api.newUser(owner);
        api.as(owner).put("/api/v2/users/" + user.id() + "/status/suspend").then().statusCode(200);
        api.as(user.token()).get("/api/v2/users/me").then().statusCode(401);
        api.as(owner).put("/api/v2/users/" + user.id() + "/status/activate").then().statusCode(200).body("status", equalTo("active"));
        api.as(user.token()).get("/api/v2/users/me").then().statusCode(200);
    }

    @Test
    void apiTokensCanBeMintedListedRevokedAndExpire() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User user = api.newUser(owner);
        String key = api.as(user.token()).body(Map.of("token_name", "ci")).post("/api/v2/users/me/keys/tokens")
                .then().statusCode(201).extract().path("key");
        assertEquals(true, key.matches("[a-zA-Z0-9]{10}-[a-zA-Z0-9]{22}"));
        api.as(key).get("/api/v2/users/me").then().statusCode(200).body("id", equalTo(user.id()));
        api.as(user.token()).body(Map.of("token_name", "ci")).post("/api/v2/users/me/keys/tokens").then().statusCode(409);
        api.as(user.token()).get("/api/v2/users/me/keys/tokens").then().statusCode(200)
                .body("token_name", equalTo(List.of("ci"))).body("[0]", not(hasKey("key"))).body("[0]", not(hasKey("hashed_secret")))
                .body("[0].lifetime_seconds", equalTo(2_592_000));
        String keyId = key.substring(0, 10);
        api.as(user.token()).delete("/api/v2/users/me/keys/" + keyId).then().statusCode(204);
        api.as(key).get("/api/v2/users/me").then().statusCode(401);

        String shortLived = api.as(user.token()).body(Map.of("token_name", "short", "lifetime_seconds", 1))
                .post("/api/v2/users/" + user.id() + "/keys/tokens").then().statusCode(201).extract().path("key");
        Await.until("the one-second token has expired", Duration.ofSeconds(10),
                () -> api.as(shortLived).get("/api/v2/users/me").statusCode() == 401);

        api.as(owner).body(Map.of("token_name", "minted-by-owner")).post("/api/v2/users/" + user.id() + "/keys/tokens").then().statusCode(201);
        api.as(user.token()).body(Map.of("token_name", "x", "lifetime_seconds", "soon")).post("/api/v2/users/me/keys/tokens")
                .then().statusCode(400).body("validations.field", equalTo(List.of("lifetime_seconds")));
    }

    @Test
    void membersCannotUseOwnerEndpointsNorSeeOthers() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User member = api.newUser(owner);
        Api.User other = api.newUser(owner);
        api.as(member.token()).get("/api/v2/users").then().statusCode(403);
        api.as(member.token()).body(Map.of("email", "x@example.com", "username", "x", "password", "password-123"))
                .post("/api/v2/users").then().statusCode(403);
        api.as(member.token()).body(Map.of("roles", List.of("owner"))).put("/api/v2/users/" + other.id() + "/roles").then().statusCode(403);
        api.as(member.token()).put("/api/v2/users/" + other.id() + "/status/suspend").then().statusCode(403);
        api.as(member.token()).body(Map.of("name", "nope")).post("/api/v2/organizations").then().statusCode(403);
        api.as(member.token()).get("/api/v2/audit").then().statusCode(403);
        api.as(member.token()).get("/api/v2/users/" + other.id()).then().statusCode(404);
        api.as(member.token()).body(Map.of("token_name", "theirs")).post("/api/v2/users/" + other.id() + "/keys/tokens").then().statusCode(404);
        api.as(member.token()).get("/api/v2/users/" + other.id() + "/keys/tokens").then().statusCode(404);
    }

    @Test
    void ownerManagesUsersAndRoles() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User user = api.newUser(owner);
        api.as(owner).get("/api/v2/users?limit=500").then().statusCode(200).body("id", hasItem(user.id()));
        api.as(owner).body(Map.of("email", user.email().toUpperCase(), "username", "fresh-name", "password", "password-123"))
                .post("/api/v2/users").then().statusCode(409);
        api.as(owner).body(Map.of("roles", List.of("owner"))).put("/api/v2/users/" + user.id() + "/roles")
                .then().statusCode(200).body("roles", equalTo(List.of("owner")));
        api.as(user.token()).get("/api/v2/users").then().statusCode(200);
        api.as(owner).body(Map.of("roles", List.of())).put("/api/v2/users/" + user.id() + "/roles")
                .then().statusCode(200).body("roles", equalTo(List.of("member")));
        api.as(owner).body(Map.of("roles", List.of("emperor"))).put("/api/v2/users/" + user.id() + "/roles")
                .then().statusCode(400).body("validations[0].field", equalTo("roles"));
        api.as(owner).body(Map.of("roles", List.of())).put("/api/v2/users/me/roles").then().statusCode(400);
        api.as(owner).put("/api/v2/users/me/status/suspend").then().statusCode(400);
        api.as(owner).put("/api/v2/users/" + java.util.UUID.randomUUID() + "/status/suspend").then().statusCode(404);
    }

    @Test
    void organizationsMembersAndOrganizationAdmins() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        Api.User member = api.newUser(owner);
        Api.User outsider = api.newUser(owner);
        String name = "org-" + admin.username();
        String org = api.as(owner).body(Map.of("name", name)).post("/api/v2/organizations").then().statusCode(201)
                .body("name", equalTo(name)).body("is_default", equalTo(false)).extract().path("id");
        api.as(owner).body(Map.of("name", name)).post("/api/v2/organizations").then().statusCode(409);
        api.as(owner).post("/api/v2/organizations/" + org + "/members/" + admin.id()).then().statusCode(200)
                .body("user_id", equalTo(admin.id())).body("organization_id", equalTo(org));
        api.as(owner).body(Map.of("roles", List.of("organization-admin"))).put("/api/v2/organizations/" + org + "/members/" + admin.id() + "/roles")
                .then().statusCode(200).body("roles", equalTo(List.of("organization-admin")));
        api.as(admin.token()).post("/api/v2/organizations/" + org + "/members/" + member.id()).then().statusCode(200);
        api.as(admin.token()).get("/api/v2/organizations").then().statusCode(200).body("id", hasItem(org));
        api.as(member.token()).post("/api/v2/organizations/" + org + "/members/" + outsider.id()).then().statusCode(403);
        api.as(outsider.token()).post("/api/v2/organizations/" + org + "/members/" + outsider.id()).then().statusCode(404);
        api.as(outsider.token()).get("/api/v2/organizations").then().statusCode(200).body("id", not(hasItem(org)));
        api.as(member.token()).get("/api/v2/users/me").then().body("organization_ids", hasItem(org));
        api.as(admin.token()).get("/api/v2/users/me/roles").then().statusCode(200).body("roles", equalTo(List.of("member")))
                .body("organization_roles.'" + org + "'", equalTo(List.of("organization-admin")))
                .body("organization_roles.'" + DEFAULT_ORG + "'", equalTo(List.of()));
        api.as(member.token()).get("/api/v2/users/me/roles").then().statusCode(200).body("organization_roles.'" + org + "'", equalTo(List.of()));
        api.as(member.token()).get("/api/v2/users/" + admin.id() + "/roles").then().statusCode(404);
        api.as(owner).get("/api/v2/users/" + admin.id() + "/roles").then().statusCode(200)
                .body("organization_roles.'" + org + "'", equalTo(List.of("organization-admin")));
        api.as(admin.token()).delete("/api/v2/organizations/" + org + "/members/" + member.id()).then().statusCode(204);
        api.as(member.token()).get("/api/v2/users/me").then().body("organization_ids", not(hasItem(org)));
        api.as(owner).get("/api/v2/organizations").then().body("id", hasItem(DEFAULT_ORG));
    }

    @Test
    void auditRecordsLoginsTokensUsersAndRoleChangesWithoutSecrets() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User user = api.newUser(owner);
        String key = api.as(user.token()).body(Map.of("token_name", "audited")).post("/api/v2/users/me/keys/tokens")
                .then().statusCode(201).extract().path("key");
        api.as(owner).body(Map.of("roles", List.of("owner"))).put("/api/v2/users/" + user.id() + "/roles").then().statusCode(200);

        api.as(owner).get("/api/v2/audit?resource_type=user&resource_id=" + user.id() + "&action=create").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].diff.password.new", equalTo("[redacted]"))
                .body("[0].status_code", equalTo(201)).body("[0].ip", notNullValue());
        api.as(owner).get("/api/v2/audit?user_id=" + user.id() + "&action=login").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].user_agent", notNullValue());
        api.as(owner).get("/api/v2/audit?resource_type=user&resource_id=" + user.id() + "&action=write").then().statusCode(200)
                .body("[0].diff.roles.new", equalTo(List.of("owner"))).body("[0].diff.roles.old", equalTo(List.of("member")));
        String tokens = api.as(owner).get("/api/v2/audit?resource_type=api_key&user_id=" + user.id()).then().statusCode(200)
                .body("resource_name", hasItem("audited")).extract().asString();
        assertEquals(false, tokens.contains(key.substring(11)), "the token's secret never reaches the audit log");
        api.as(owner).get("/api/v2/audit?limit=1").then().statusCode(200).body("size()", equalTo(1));
        api.as(owner).get("/api/v2/audit?limit=0").then().statusCode(400).body("validations.field", everyItem(equalTo("limit")));
        api.as(owner).get("/api/v2/audit?user_id=nope").then().statusCode(400);
        api.as(owner).get("/api/v2/audit?action=nothing-like-this").then().statusCode(200).body("size()", equalTo(0))
                .body("[0]", nullValue());
    }
}
