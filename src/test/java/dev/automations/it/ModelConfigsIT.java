package dev.automations.it;

import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model configs (§15) on a real Payara Micro: the API, §12-style permissions, the sealed key, automations' references. */
class ModelConfigsIT extends ServiceIT {

    private static final String CONFIGS = "/api/experimental/model-configs";
    private static final String AUTOMATIONS = "/api/experimental/automations";

    private static Map<String, Object> config(String organization, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization_id", organization);
        body.put("name", name);
        body.put("base_url", "http://127.0.0.1:11434/v1");
        body.put("model", "llama3.2");
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    /** A model-config API key, registered for {@link SecretsIT} to look for where none may be. */
    private static String key() {
        String key = "sk-test-" + UUID.randomUUID();
        KnownSecrets.add(key);
        return key;
    }

    @Test
    void createReadListPatchDelete() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        String organization = api.organization(owner, admin);
        String apiKey = key();
        Map<String, Object> body = config(organization, "  Local Ollama  ");
        body.put("base_url", "http://127.0.0.1:11434/v1/");
        body.put("api_key", apiKey);
        body.put("temperature", 0.2);
        body.put("max_output_tokens", 4096);
        body.put("system_prompt", "You triage GitHub issues.");
        String id = api.as(admin.token()).body(body).post(CONFIGS).then().statusCode(201)
                .body("name", equalTo("Local Ollama")).body("provider", equalTo("openai-compatible"))
                .body("base_url", equalTo("http://127.0.0.1:11434/v1")).body("model", equalTo("llama3.2"))
                .body("has_api_key", equalTo(true)).body("$", not(hasKey("api_key")))
                .body("temperature", equalTo(0.2f)).body("max_output_tokens", equalTo(4096))
                .body("system_prompt", equalTo("You triage GitHub issues.")).body("enabled", equalTo(true))
                .body("is_default", equalTo(false)).body("organization_id", equalTo(organization))
                .body("created_at", matchesPattern(".*Z")).extract().path("id");
        api.as(admin.token()).get(CONFIGS + "/" + id).then().statusCode(200).body("name", equalTo("Local Ollama"));
        api.as(admin.token()).get(CONFIGS + "?organization_id=" + organization).then().statusCode(200).body("id", equalTo(List.of(id)));
        api.as(admin.token()).body(config(organization, "Local Ollama")).post(CONFIGS).then().statusCode(409);

        Map<String, Object> patch = new HashMap<>();
        patch.put("api_key", null);
        patch.put("temperature", null);
        patch.put("model", "qwen2.5");
        api.as(admin.token()).body(patch).patch(CONFIGS + "/" + id).then().statusCode(200)
                .body("has_api_key", equalTo(false)).body("$", not(hasKey("temperature"))).body("model", equalTo("qwen2.5"))
                .body("max_output_tokens", equalTo(4096)).body("base_url", equalTo("http://127.0.0.1:11434/v1"));
        api.as(admin.token()).delete(CONFIGS + "/" + id).then().statusCode(204);
        api.as(admin.token()).get(CONFIGS + "/" + id).then().statusCode(404);
        api.as(admin.token()).delete(CONFIGS + "/" + id).then().statusCode(404);
    }

    @Test
    void validationNamesEveryBadField() {
        Api api = api();
        String owner = api.ownerToken();
        String organization = api.organization(owner, null);
        api.as(owner).body(Map.of()).post(CONFIGS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("organization_id", "name", "base_url", "model")));
        Map<String, Object> bad = config(organization, "   ");
        bad.put("model", "");
        bad.put("provider", "anthropic");
        bad.put("api_key", "");
        bad.put("max_output_tokens", 1_000_001);
        bad.put("temperature", 2.5);
        bad.put("system_prompt", "x".repeat(65_537));
        api.as(owner).body(bad).post(CONFIGS).then().statusCode(400).body("validations.field",
                equalTo(List.of("api_key", "max_output_tokens", "model", "name", "provider", "system_prompt", "temperature")));
        api.as(owner).body(with(config(organization, "t"), "temperature", "hot")).post(CONFIGS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("temperature")));
        api.as(owner).body(with(config(organization, "t"), "max_output_tokens", 0)).post(CONFIGS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("max_output_tokens")));
        api.as(owner).body(with(config(organization, "t"), "temperature", -0.1)).post(CONFIGS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("temperature")));
        for (String url : List.of("127.0.0.1:11434/v1", "ftp://example.com/v1", "http:///v1", "not a url", "https://u:p@example.com/v1")) {
            api.as(owner).body(with(config(organization, "t"), "base_url", url)).post(CONFIGS).then().statusCode(400)
                    .body("validations.field", equalTo(List.of("base_url")));
        }
        api.as(owner).body(with(config(organization, "t"), "organization_id", UUID.randomUUID().toString())).post(CONFIGS)
                .then().statusCode(400).body("validations.field", equalTo(List.of("organization_id")));

        String id = api.modelConfig(owner, organization);
        api.as(owner).body(Map.of("base_url", "/v1")).patch(CONFIGS + "/" + id).then().statusCode(400)
                .body("validations.field", equalTo(List.of("base_url")));
        api.as(owner).body(Map.of("organization_id", organization)).patch(CONFIGS + "/" + id).then().statusCode(400)
                .body("validations.field", equalTo(List.of("organization_id")));
        for (String field : List.of("name", "model", "base_url", "enabled", "is_default", "provider")) {
            Map<String, Object> clear = new HashMap<>();
            clear.put(field, null);
            api.as(owner).body(clear).patch(CONFIGS + "/" + id).then().statusCode(400).body("validations.field", equalTo(List.of(field)));
        }
        api.as(owner).get(CONFIGS + "?organization_id=nope").then().statusCode(400);
        api.as(owner).get(CONFIGS + "?limit=0").then().statusCode(400);
    }

    /** §12 style: admins and site owners write, members read (403 on writes), everyone else meets 404. */
    @Test
    void permissions() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        Api.User member = api.newUser(owner);
        Api.User outsider = api.newUser(owner);
        String organization = api.organization(owner, admin, member);
        String byOwner = api.as(owner).body(config(organization, "by owner")).post(CONFIGS).then().statusCode(201).extract().path("id");
        String byAdmin = api.as(admin.token()).body(config(organization, "by admin")).post(CONFIGS).then().statusCode(201).extract().path("id");
        api.as(member.token()).body(config(organization, "by member")).post(CONFIGS).then().statusCode(403);
        api.as(outsider.token()).body(config(organization, "by outsider")).post(CONFIGS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("organization_id")));

        for (String token : List.of(owner, admin.token(), member.token())) {
            api.as(token).get(CONFIGS + "/" + byOwner).then().statusCode(200);
            api.as(token).get(CONFIGS + "?organization_id=" + organization).then().statusCode(200).body("id", hasItem(byAdmin));
        }
        api.as(member.token()).get(CONFIGS).then().statusCode(200).body("id", hasItem(byAdmin));
        api.as(outsider.token()).get(CONFIGS + "/" + byOwner).then().statusCode(404);
        api.as(outsider.token()).get(CONFIGS + "?organization_id=" + organization).then().statusCode(200).body("$", hasSize(0));
        api.as(outsider.token()).get(CONFIGS).then().statusCode(200).body("id", not(hasItem(byOwner)));
        api.anonymous().get(CONFIGS + "/" + byOwner).then().statusCode(401);

        api.as(member.token()).body(Map.of("model", "x")).patch(CONFIGS + "/" + byOwner).then().statusCode(403);
        api.as(outsider.token()).body(Map.of("model", "x")).patch(CONFIGS + "/" + byOwner).then().statusCode(404);
        api.as(admin.token()).body(Map.of("model", "by-admin")).patch(CONFIGS + "/" + byOwner).then().statusCode(200);
        api.as(owner).body(Map.of("model", "by-owner")).patch(CONFIGS + "/" + byAdmin).then().statusCode(200);
        api.as(member.token()).delete(CONFIGS + "/" + byOwner).then().statusCode(403);
        api.as(outsider.token()).delete(CONFIGS + "/" + byOwner).then().statusCode(404);
        api.as(admin.token()).delete(CONFIGS + "/" + byOwner).then().statusCode(204);
        api.as(owner).delete(CONFIGS + "/" + byAdmin).then().statusCode(204);
    }

    @Test
    void atMostOneDefaultPerOrganization() {
        Api api = api();
        String owner = api.ownerToken();
        String organization = api.organization(owner, null);
        String other = api.organization(owner, null);
        String first = api.as(owner).body(with(config(organization, "first"), "is_default", true)).post(CONFIGS).then().statusCode(201)
                .body("is_default", equalTo(true)).extract().path("id");
        String elsewhere = api.as(owner).body(with(config(other, "elsewhere"), "is_default", true)).post(CONFIGS).then().statusCode(201)
                .body("is_default", equalTo(true)).extract().path("id");
        String second = api.as(owner).body(with(config(organization, "second"), "is_default", true)).post(CONFIGS).then().statusCode(201)
                .body("is_default", equalTo(true)).extract().path("id");
        assertDefaults(api, owner, organization, List.of(second));
        api.as(owner).body(Map.of("is_default", true)).patch(CONFIGS + "/" + first).then().statusCode(200).body("is_default", equalTo(true));
        assertDefaults(api, owner, organization, List.of(first));
        assertDefaults(api, owner, other, List.of(elsewhere));
        api.as(owner).get("/api/v2/audit?resource_type=model_config&resource_id=" + second + "&action=write").then().statusCode(200)
                .body("[0].diff.is_default.old", equalTo(true)).body("[0].diff.is_default.new", equalTo(false));
        api.as(owner).body(Map.of("is_default", false)).patch(CONFIGS + "/" + first).then().statusCode(200).body("is_default", equalTo(false));
        assertDefaults(api, owner, organization, List.of());
    }

    private static void assertDefaults(Api api, String token, String organization, List<String> expected) {
        List<String> defaults = api.as(token).get(CONFIGS + "?organization_id=" + organization).then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.is_default }.id");
        assertEquals(expected, defaults);
    }

    /** §15: an automation's model_config_id names an enabled config of its own organization; one in use cannot be deleted. */
    @Test
    void automationsReferToEnabledConfigsOfTheirOrganization() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        String organization = api.organization(owner, admin);
        String other = api.organization(owner, admin);
        String usable = api.modelConfig(admin.token(), organization);
        String foreign = api.modelConfig(admin.token(), other);
        String disabled = api.as(admin.token()).body(with(config(organization, "off"), "enabled", false)).post(CONFIGS).then()
                .statusCode(201).extract().path("id");
        for (String model : List.of(foreign, disabled, UUID.randomUUID().toString())) {
            api.as(admin.token()).body(Map.of("name", "a-" + UUID.randomUUID(), "organization_id", organization, "model_config_id", model))
                    .post(AUTOMATIONS).then().statusCode(400).body("validations.field", equalTo(List.of("model_config_id")));
        }
        String automation = api.as(admin.token()).body(Map.of("name", "a-" + UUID.randomUUID(), "organization_id", organization,
                "model_config_id", usable)).post(AUTOMATIONS).then().statusCode(201).body("model_config_id", equalTo(usable))
                .extract().path("id");
        for (String model : List.of(foreign, disabled, UUID.randomUUID().toString())) {
            api.as(admin.token()).body(Map.of("model_config_id", model)).patch(AUTOMATIONS + "/" + automation).then().statusCode(400)
                    .body("validations.field", equalTo(List.of("model_config_id")));
        }
        api.as(admin.token()).delete(CONFIGS + "/" + usable).then().statusCode(409);
        api.as(admin.token()).body(Map.of("enabled", false)).patch(CONFIGS + "/" + usable).then().statusCode(200);
        api.as(admin.token()).body(Map.of("model_config_id", usable)).patch(AUTOMATIONS + "/" + automation).then().statusCode(400);
        Map<String, Object> clear = new HashMap<>();
        clear.put("model_config_id", null);
        api.as(admin.token()).body(clear).patch(AUTOMATIONS + "/" + automation).then().statusCode(200)
                .body("$", not(hasKey("model_config_id")));
        api.as(admin.token()).delete(CONFIGS + "/" + usable).then().statusCode(204);
    }

    /**
     * The rule of §15 holds under races: automations created while their config is deleted either see it gone (400)
     * or keep it (409), never a 500 and never an automation left naming a deleted config.
     */
    @Test
    void aConfigDeletedWhileAutomationsNameItIsNeverLeftNamed() throws Exception {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        String organization = api.organization(owner, admin);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            for (int round = 0; round < 5; round++) {
                String model = api.modelConfig(admin.token(), organization);
                List<Future<Integer>> creates = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    creates.add(pool.submit(() -> api.as(admin.token()).body(Map.of("name", "race-" + UUID.randomUUID(),
                            "organization_id", organization, "model_config_id", model)).post(AUTOMATIONS).statusCode()));
                }
                int deleted = pool.submit(() -> api.as(admin.token()).delete(CONFIGS + "/" + model).statusCode()).get();
                List<Integer> created = new java.util.ArrayList<>();
                for (Future<Integer> create : creates) {
                    created.add(create.get());
                }
                assertTrue(List.of(204, 409).contains(deleted), "delete answered " + deleted);
                assertTrue(created.stream().allMatch(status -> status == 201 || status == 400), "creates answered " + created);
                assertFalse(deleted == 204 && created.contains(201), "the config was deleted while an automation named it: " + created);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** §13: the key is never returned, and the audit log shows only that it changed. */
    @Test
    void theApiKeyNeverLeavesTheService() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        String organization = api.organization(owner, admin);
        String first = key();
        String second = key();
        ValidatableResponse created = api.as(admin.token()).body(with(config(organization, "keyed"), "api_key", first)).post(CONFIGS)
                .then().statusCode(201);
        String id = created.extract().path("id");
        List<String> bodies = new java.util.ArrayList<>(List.of(created.extract().asString()));
        bodies.add(api.as(admin.token()).get(CONFIGS + "/" + id).then().statusCode(200).extract().asString());
        bodies.add(api.as(admin.token()).get(CONFIGS + "?organization_id=" + organization).then().statusCode(200).extract().asString());
        bodies.add(api.as(admin.token()).body(Map.of("api_key", second)).patch(CONFIGS + "/" + id).then().statusCode(200)
                .body("has_api_key", equalTo(true)).extract().asString());
        bodies.add(api.as(admin.token()).body(Map.of("name", "renamed")).patch(CONFIGS + "/" + id).then().statusCode(200).extract().asString());
        String audit = api.as(owner).get("/api/v2/audit?resource_type=model_config&resource_id=" + id).then().statusCode(200)
                .body("action", equalTo(List.of("write", "write", "create")))
                .body("findAll { it.diff.api_key != null }.diff.api_key.new", equalTo(List.of("[redacted]", "[redacted]")))
                .body("find { it.diff.name != null }.diff", not(hasKey("api_key"))).extract().asString();
        bodies.add(audit);
        for (String body : bodies) {
            assertFalse(body.contains(first) || body.contains(second), "the key leaked into " + body);
            assertFalse(body.contains("api_key\":\"sk"), "a key leaked into " + body);
        }
    }

    /** §13: the database holds the key only sealed, neither in the config's row nor in the audit log. */
    @Test
    @EnabledIfSystemProperty(named = "it.db", matches = "postgres")
    void noKeyIsStoredInClear() throws Exception {
        Api api = api();
        String owner = api.ownerToken();
        String organization = api.organization(owner, null);
        String apiKey = key();
        String id = api.as(owner).body(with(config(organization, "sealed"), "api_key", apiKey)).post(CONFIGS).then().statusCode(201)
                .extract().path("id");
        String rotated = key();
        api.as(owner).body(Map.of("api_key", rotated)).patch(CONFIGS + "/" + id).then().statusCode(200);
        try (Connection c = DriverManager.getConnection(System.getenv("AUTOMATIONS_DB_URL"), System.getenv("AUTOMATIONS_DB_USER"),
                System.getenv("AUTOMATIONS_DB_PASSWORD")); Statement s = c.createStatement()) {
            try (ResultSet row = s.executeQuery("SELECT api_key_key_id, api_key_sealed FROM model_configs WHERE id = '" + id + "'")) {
                row.next();
                assertFalse(row.getString(1).isEmpty(), "the key id is stored");
                assertFalse(row.getString(2).isEmpty(), "the sealed key is stored");
            }
            for (String table : List.of("model_configs", "audit_log")) {
                try (ResultSet rows = s.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        assertFalse(row.contains(apiKey) || row.contains(rotated), table + " holds a model API key in clear");
                    }
                }
            }
        }
    }
}
