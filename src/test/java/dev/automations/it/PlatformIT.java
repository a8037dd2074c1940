package dev.automations.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /** Finding 8: real statuses and schemas, unique operationIds, snake_case and typed properties, only OpenAPI keys. */
    @Test
    void theOpenApiDocumentStatesEachOperationsStatusesAndSchemas() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(api().plain().accept("application/json").get("/openapi").then().statusCode(200)
                .extract().asString());
        doc.fieldNames().forEachRemaining(key -> assertTrue(List.of("openapi", "info", "servers", "paths", "components").contains(key)
                || key.startsWith("x-"), "top-level key " + key));
        Set<String> ids = new HashSet<>();
        doc.get("paths").forEach(item -> item.forEach(operation -> {
            assertTrue(ids.add(operation.get("operationId").asText()), "operationId repeated: " + operation.get("operationId"));
            assertFalse(operation.get("responses").has("default"), operation.get("operationId") + " has a default response");
        }));
        assertTrue(ids.size() >= 44, "operations: " + ids.size());
        JsonNode create = doc.at("/paths/~1api~1experimental~1automations/post/responses");
        assertEquals(Set.of("201", "400", "401", "404", "409", "413", "415", "503"), fieldNames(create));
        assertEquals("#/components/schemas/AutomationView", create.at("/201/content/application~1json/schema/$ref").asText());
        JsonNode audit = doc.at("/components/schemas/AuditView/properties");
        assertEquals("string", audit.at("/id/type").asText());
        assertEquals("uuid", audit.at("/id/format").asText());
        assertEquals("date-time", audit.at("/time/format").asText());
        assertTrue(audit.has("status_code") && !audit.has("statusCode"), "snake_case properties: " + fieldNames(audit));
        assertEquals(1, doc.at("/components/schemas/AutomationFields/properties/max_chat_creates_per_hour/minimum").asInt(),
                "validation limits are documented");
        String text = doc.toString();
        for (int at = text.indexOf("#/components/schemas/"); at >= 0; at = text.indexOf("#/components/schemas/", at + 1)) {
            String name = text.substring(at + "#/components/schemas/".length(), text.indexOf('"', at));
            assertTrue(doc.at("/components/schemas").has(name), "unresolved $ref " + name);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Findings 1 and 2: what broke the parser or the container is a 4xx in the §1 shape, never a 500 or a page. */
    @Test
    void deepNestingHugeNumbersAndUnparseableHeadersAre400InJson() {
        Api api = api();
        String owner = api.ownerToken();
        api.as(owner).body("{\"name\":" + "[".repeat(100_000)).post("/api/v2/organizations").then().statusCode(400)
                .contentType(ContentType.JSON).body("detail", equalTo("nested deeper than 512 levels"));
        api.as(owner).body("{\"a\":".repeat(1001) + "1" + "}".repeat(1001)).post("/api/experimental/automations").then().statusCode(400)
                .contentType(ContentType.JSON);
        api.as(owner).body("{\"name\":1e2147483648}").post("/api/v2/organizations").then().statusCode(400).contentType(ContentType.JSON);
        for (String contentType : List.of("", "garbage", "application/json; charset=", "application/json, text/plain")) {
            HttpResponse<String> refused = api.raw("POST", "/api/v2/organizations", "{}", "Coder-Session-Token", owner,
                    "Content-Type", contentType);
            assertEquals(400, refused.statusCode(), contentType);
            assertTrue(refused.body().startsWith("{") && refused.body().contains("Content-Type"), refused.body());
        }
        HttpResponse<String> twice = api.raw("POST", "/api/v2/organizations", "{}", "Coder-Session-Token", owner,
                "Content-Type", "application/json", "Content-Type", "text/plain");
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().contains("more than one Content-Type"), twice.body());
        HttpResponse<String> accept = api.raw("GET", "/api/v2/users/me", null, "Coder-Session-Token", owner, "Accept", ";;;");
        assertEquals(400, accept.statusCode());
        assertTrue(accept.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), accept.body());
    }

    /**
     * What the HTTP layer used to refuse with an empty 400 before the application saw it (a body on a GET or DELETE,
     * a header block past 8 KiB), and a body-less POST or PATCH, which reached the resources as null (500).
     */
    @Test
    void bodiesOnGetsLongHeadersAndMissingBodiesAreAnsweredByTheApplication() {
        Api api = api();
        String owner = api.ownerToken();
        HttpResponse<String> get = api.raw("GET", "/api/v2/users/me", "{\"a\":1}", "Coder-Session-Token", owner, "Content-Type", "application/json");
        assertEquals(200, get.statusCode(), get.body());
        HttpResponse<String> delete = api.raw("DELETE", "/api/v2/buildinfo", "{}", "Content-Type", "application/json");
        assertEquals(405, delete.statusCode());
        assertTrue(delete.body().contains("\"message\""), delete.body());
        HttpResponse<String> longToken = api.raw("GET", "/api/v2/users/me", null, "Coder-Session-Token", "t".repeat(20_000));
        assertEquals(401, longToken.statusCode());
        assertTrue(longToken.body().contains("\"message\""), longToken.body());
        Hook hook = Hook.create(api, Map.of(), Map.of());
        HttpResponse<String> delivery = api.raw("POST", "/api/v2/automations/triggers/" + hook.trigger() + "/webhook", "{}",
                "Content-Type", "application/json", "X-Gitlab-Token", "t".repeat(20_000));
        assertEquals(200, delivery.statusCode(), delivery.body());
        HttpResponse<String> create = api.raw("POST", "/api/experimental/automations", null, "Coder-Session-Token", owner);
        assertEquals(400, create.statusCode(), create.body());
        assertTrue(create.body().contains("\"validations\""), create.body());
        HttpResponse<String> patch = api.raw("PATCH", "/api/experimental/automations/" + hook.automation(), null,
                "Coder-Session-Token", hook.user().token());
        assertEquals(200, patch.statusCode(), patch.body());
        HttpResponse<String> test = api.raw("POST", "/api/experimental/automations/" + hook.automation() + "/test", null,
                "Coder-Session-Token", hook.user().token());
        assertEquals(400, test.statusCode(), test.body());
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
