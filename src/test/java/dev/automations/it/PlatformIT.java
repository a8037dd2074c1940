package dev.automations.it;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The always-on endpoints of §2 and the §1 error format for every way a request can be wrong. */
class PlatformIT extends ServiceIT {

    @Test
    void buildInfoHealthMetricsAndOpenApiAreUnauthenticated() {
        Api api = api();
        api.anonymous().get("/api/v2/buildinfo").then().statusCode(200)
                .body("version", notNullValue()).body("external_url", startsWith("http://"));
        api.anonymous().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        api.anonymous().get("/health/ready").then().statusCode(200).body("checks.name", hasItems("database", "chat-bridge"))
                .body("checks.find { it.name == 'chat-bridge' }.data.bridge", equalTo("embedded"));
        api.plain().get("/metrics").then().statusCode(200).body(containsString("# TYPE"));
        String openapi = api.plain().get("/openapi").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/v2/buildinfo", "/api/v2/users/first", "/api/v2/users/login", "/api/v2/users/logout",
                "/api/v2/users/me", "/api/v2/users/{user}/roles", "/api/v2/users/{user}/status/suspend",
                "/api/v2/users/{user}/status/activate", "/api/v2/users/{user}/keys/tokens", "/api/v2/users/{user}/keys/{key}",
                "/api/v2/organizations", "/api/v2/organizations/{organization}/members/{user}",
                "/api/v2/organizations/{organization}/members/{user}/roles", "/api/v2/audit",
                "/api/experimental/automations", "/api/experimental/automations/{automation}",
                "/api/experimental/automations/schedule-preview", "/api/experimental/automations/{automation}/triggers",
                "/api/experimental/automations/{automation}/triggers/{trigger}",
                "/api/experimental/automations/{automation}/triggers/{trigger}/regenerate-secret")) {
            assertTrue(openapi.contains(path + ":"), () -> "OpenAPI document lacks " + path);
        }
    }

    @Test
    void malformedJsonWrongTypesAndFailedValidationAre400WithValidations() {
        Api api = api();
        String owner = api.ownerToken();
        api.as(owner).body("{\"email\":").post("/api/v2/users").then().statusCode(400)
                .contentType(ContentType.JSON).body("message", notNullValue()).body("detail", notNullValue());
        api.as(owner).body("[1, 2]").post("/api/v2/users").then().statusCode(400).body("message", notNullValue());
        api.as(owner).body("").post("/api/v2/users").then().statusCode(400).body("message", notNullValue());
        api.as(owner).body(Map.of("email", 5, "username", List.of("x"), "password", true)).post("/api/v2/users").then().statusCode(400)
                .body("validations.field", equalTo(List.of("email", "username", "password")));
        api.as(owner).body(Map.of("email", "not-an-email", "username", "-bad-", "password", "short", "ignored_field", 1))
                .post("/api/v2/users").then().statusCode(400)
                .body("validations.field", equalTo(List.of("email", "password", "username")));
        api.as(owner).body(Map.of("username", "someone", "password", "long-enough-1")).post("/api/v2/users").then().statusCode(400)
                .body("validations.field", equalTo(List.of("email")));
        api.as(owner).body(Map.of("email", "org@example.com", "username", "orgless", "password", "long-enough-1",
                "organization_ids", List.of("not-a-uuid"))).post("/api/v2/users").then().statusCode(400)
                .body("validations.field", equalTo(List.of("organization_ids")));
    }

    @Test
    void unknownRoutesWrongMethodsAndContentTypesAreJsonErrors() {
        Api api = api();
        String owner = api.ownerToken();
        api.as(owner).get("/api/v2/no-such-thing").then().statusCode(404).contentType(ContentType.JSON).body("message", notNullValue());
        api.anonymous().get("/no-such-page").then().statusCode(404).contentType(ContentType.JSON).body("message", notNullValue());
        api.anonymous().delete("/api/v2/buildinfo").then().statusCode(405).contentType(ContentType.JSON).body("message", notNullValue());
        api.as(owner).contentType("text/plain").body("hello").post("/api/v2/users").then().statusCode(415)
                .contentType(ContentType.JSON).body("message", notNullValue());
        api.as(owner).get("/api/v2/users/not-a-uuid").then().statusCode(404).contentType(ContentType.JSON);
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        Api api = api();
        String owner = api.ownerToken();
        String huge = "{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}";
        api.as(owner).body(huge).post("/api/v2/organizations").then().statusCode(413).body("message", notNullValue());
    }

    /** A client must tell "logged out" from "server sick" (§1): the database refusing us is 503, never 401. */
    @Test
    @EnabledIfSystemProperty(named = "it.db", matches = "postgres")
    void databaseFailureDuringAuthenticationIs503NotUnauthorized() {
        Api api = api();
        String owner = api.ownerToken();
        api.as(owner).get("/api/v2/users/me").then().statusCode(200);
        try {
            TestDatabase.superuser("ALTER ROLE " + TestDatabase.ROLE + " NOLOGIN");
            TestDatabase.superuser("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + TestDatabase.ROLE + "'");
            api.as(owner).get("/api/v2/users/me").then().statusCode(503).header("Retry-After", notNullValue())
                    .contentType(ContentType.JSON).body("message", notNullValue());
            api.anonymous().body(Map.of("email", Api.OWNER_EMAIL, "password", Api.OWNER_PASSWORD)).post("/api/v2/users/login")
                    .then().statusCode(503).header("Retry-After", notNullValue());
            api.anonymous().get("/health/ready").then().statusCode(503);
        } finally {
            TestDatabase.superuser("ALTER ROLE " + TestDatabase.ROLE + " LOGIN");
        }
        api.as(owner).get("/api/v2/users/me").then().statusCode(200);
    }
}
