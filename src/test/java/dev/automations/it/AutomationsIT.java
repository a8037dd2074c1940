package dev.automations.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyIterable;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §4, §5 and the automation parts of §13 on a real Payara Micro. */
class AutomationsIT extends ServiceIT {

    private static final String DEFAULT_ORG = "00000000-0000-0000-0000-000000000001";
    private static final String AUTOMATIONS = "/api/experimental/automations";

    private static String triggers(String automation) {
        return AUTOMATIONS + "/" + automation + "/triggers";
    }

    @Test
    void createAppliesDefaultsTrimsAndRefusesDuplicates() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        api.as(user.token()).body(Map.of("name", "  Review PRs  ", "organization_id", DEFAULT_ORG)).post(AUTOMATIONS).then().statusCode(201)
                .body("name", equalTo("Review PRs")).body("status", equalTo("disabled")).body("owner_id", equalTo(user.id()))
                .body("max_chat_creates_per_hour", equalTo(10)).body("max_messages_per_hour", equalTo(60))
                .body("mcp_server_ids", emptyIterable()).body("allowed_tools", emptyIterable())
                .body("created_at", matchesPattern(".*Z"));
        api.as(user.token()).body(Map.of("name", "Review PRs", "organization_id", DEFAULT_ORG)).post(AUTOMATIONS).then().statusCode(409);
    }

    @Test
    void createValidatesEveryFieldAtOnce() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        Map<String, Object> bad = new HashMap<>();
        bad.put("name", "   ");
        bad.put("organization_id", DEFAULT_ORG);
        bad.put("status", "running");
        bad.put("max_chat_creates_per_hour", 0);
        bad.put("max_messages_per_hour", 1001);
        bad.put("instructions", "x".repeat(65_537));
        api.as(user.token()).body(bad).post(AUTOMATIONS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("instructions", "max_chat_creates_per_hour", "max_messages_per_hour", "name", "status")));
        api.as(user.token()).body(Map.of("name", "x", "organization_id", DEFAULT_ORG, "mcp_server_ids", List.of("nope"), "allowed_tools", List.of(1)))
                .post(AUTOMATIONS).then().statusCode(400).body("validations.field", equalTo(List.of("mcp_server_ids", "allowed_tools")));
        api.as(user.token()).body(Map.of()).post(AUTOMATIONS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("name", "organization_id")));
        String foreign = api.organization(api.ownerToken(), null);
        api.as(user.token()).body(Map.of("name", "x", "organization_id", foreign)).post(AUTOMATIONS).then().statusCode(400)
                .body("validations.field", equalTo(List.of("organization_id")));
    }

    @Test
    void listIsNewestFirstAndFilters() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String first = api.automation(user.token(), DEFAULT_ORG);
        String second = api.automation(user.token(), DEFAULT_ORG);
        api.as(user.token()).body(Map.of("status", "active")).patch(AUTOMATIONS + "/" + first).then().statusCode(200);
        api.as(user.token()).get(AUTOMATIONS).then().statusCode(200).body("id", equalTo(List.of(second, first)));
        api.as(user.token()).get(AUTOMATIONS + "?status=active").then().body("id", equalTo(List.of(first)));
        api.as(user.token()).get(AUTOMATIONS + "?limit=1&offset=1").then().body("id", equalTo(List.of(first)));
        api.as(user.token()).get(AUTOMATIONS + "?organization_id=" + UUID.randomUUID()).then().body("id", emptyIterable());
        api.as(user.token()).get(AUTOMATIONS + "?scope=everything").then().statusCode(400);
        api.as(user.token()).get(AUTOMATIONS + "?limit=501").then().statusCode(400);
    }

    @Test
    void patchMergesAndNullClears() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String model = api.modelConfig(api.ownerToken(), DEFAULT_ORG);
        String id = api.as(user.token()).body(Map.of("name", "merge", "organization_id", DEFAULT_ORG, "model_config_id", model,
                "instructions", "keep me", "allowed_tools", List.of("read"))).post(AUTOMATIONS).then().statusCode(201).extract().path("id");
        Map<String, Object> clear = new HashMap<>();
        clear.put("model_config_id", null);
        clear.put("max_messages_per_hour", 5);
        api.as(user.token()).body(clear).patch(AUTOMATIONS + "/" + id).then().statusCode(200)
                .body("$", not(hasKey("model_config_id"))).body("instructions", equalTo("keep me"))
                .body("allowed_tools", equalTo(List.of("read"))).body("max_messages_per_hour", equalTo(5))
                .body("max_chat_creates_per_hour", equalTo(10));
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        api.as(user.token()).body(nullName).patch(AUTOMATIONS + "/" + id).then().statusCode(400).body("validations[0].field", equalTo("name"));
        api.as(user.token()).body(Map.of("organization_id", DEFAULT_ORG)).patch(AUTOMATIONS + "/" + id).then().statusCode(400);
        api.as(user.token()).body(Map.of("status", "bogus")).patch(AUTOMATIONS + "/" + id).then().statusCode(400);
        api.as(user.token()).body(Map.of("name", "x")).patch(AUTOMATIONS + "/" + UUID.randomUUID()).then().statusCode(404);
        api.as(user.token()).get(AUTOMATIONS + "/not-a-uuid").then().statusCode(404);
    }

    @Test
    void deleteTakesTriggersAlong() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String id = api.automation(user.token(), DEFAULT_ORG);
        String trigger = api.webhookTrigger(user.token(), id);
        api.as(user.token()).delete(AUTOMATIONS + "/" + id).then().statusCode(204);
        api.as(user.token()).get(AUTOMATIONS + "/" + id).then().statusCode(404);
        api.as(user.token()).get(triggers(id) + "/" + trigger).then().statusCode(404);
    }

    @Test
    void anOwnerMayOwnAtMostTheConfiguredNumber() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        for (int i = 0; i < 100; i++) {
            api.automation(user.token(), DEFAULT_ORG);
        }
        api.as(user.token()).body(Map.of("name", "one too many", "organization_id", DEFAULT_ORG)).post(AUTOMATIONS).then().statusCode(409);
    }

    @Test
    void webhookTriggersGenerateSecretsPerSchemeAndShowThemOnce() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), DEFAULT_ORG);
        String hmac = api.as(user.token()).body(Map.of("type", "webhook")).post(triggers(automation)).then().statusCode(201)
                .body("signature_scheme", equalTo("hmac-sha256")).body("webhook_secret", matchesPattern("[0-9a-f]{64}"))
                .body("webhook_url", startsWith("http")).body("webhook_url", endsWith("/webhook")).body("$", not(hasKey("next_run_times")))
                .extract().path("id");
        String whsec = api.as(user.token()).body(Map.of("type", "webhook", "signature_scheme", "standard-webhooks")).post(triggers(automation))
                .then().statusCode(201).extract().path("webhook_secret");
        assertTrue(whsec.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(whsec.substring(6)).length);
        api.as(user.token()).body(Map.of("type", "webhook", "signature_scheme", "token")).post(triggers(automation)).then().statusCode(201)
                .body("webhook_secret", matchesPattern("[0-9a-f]{64}"));
        api.as(user.token()).body(Map.of("type", "webhook", "signature_scheme", "stripe")).post(triggers(automation)).then().statusCode(400)
                .body("validations.field", equalTo(List.of("webhook_secret")));
        api.as(user.token()).body(Map.of("type", "webhook", "signature_scheme", "stripe", "webhook_secret", "whsec_stripe_issued_secret_1"))
                .post(triggers(automation)).then().statusCode(201).body("webhook_secret", equalTo("whsec_stripe_issued_secret_1"));
        api.as(user.token()).body(Map.of("type", "webhook", "webhook_secret", "short")).post(triggers(automation)).then().statusCode(400)
                .body("validations.field", equalTo(List.of("webhook_secret")));
        api.as(user.token()).body(Map.of("type", "webhook", "signature_scheme", "md5")).post(triggers(automation)).then().statusCode(400)
                .body("validations.field", equalTo(List.of("signature_scheme")));
        api.as(user.token()).body(Map.of("type", "carrier-pigeon")).post(triggers(automation)).then().statusCode(400)
                .body("validations.field", equalTo(List.of("type")));
        api.as(user.token()).get(triggers(automation) + "/" + hmac).then().statusCode(200).body("$", not(hasKey("webhook_secret")));
        api.as(user.token()).get(triggers(automation)).then().statusCode(200).body("[0].id", equalTo(hmac))
                .body("webhook_secret", everyNull());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static org.hamcrest.Matcher<Object> everyNull() {
        return (org.hamcrest.Matcher) org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.nullValue());
    }

    @Test
    void cronTriggersValidateSchedulesAndShowNextRuns() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), DEFAULT_ORG);
        List<String> next = api.as(user.token()).body(Map.of("type", "cron", "cron_schedule", "CRON_TZ=Europe/Berlin 0 9 * * MON-FRI"))
                .post(triggers(automation)).then().statusCode(201).body("$", not(hasKey("webhook_secret")))
                .body("$", not(hasKey("webhook_url"))).body("next_run_times", hasSize(5)).extract().path("next_run_times");
        assertTrue(Instant.parse(next.get(0)).isAfter(Instant.now()));
        for (String bad : List.of("0 0 30 2 *", "* * * * * *", "CRON_TZ=Mars/Olympus 0 * * * *", "0 0 ? * MON", "not cron")) {
            api.as(user.token()).body(Map.of("type", "cron", "cron_schedule", bad)).post(triggers(automation)).then().statusCode(400)
                    .body("validations.field", equalTo(List.of("cron_schedule")));
        }
        api.as(user.token()).body(Map.of("type", "cron")).post(triggers(automation)).then().statusCode(400);
        api.as(user.token()).body(Map.of("type", "cron", "cron_schedule", "@hourly", "signature_scheme", "stripe", "webhook_secret", "x"))
                .post(triggers(automation)).then().statusCode(400)
                .body("validations.field", equalTo(List.of("signature_scheme", "webhook_secret")));
        api.as(user.token()).body(Map.of("type", "webhook", "cron_schedule", "@hourly")).post(triggers(automation)).then().statusCode(400)
                .body("validations.field", equalTo(List.of("cron_schedule")));
        api.as(user.token()).body(Map.of("cron_schedule", "*/15 * * * *")).post(AUTOMATIONS + "/schedule-preview").then().statusCode(200)
                .body("next_run_times", hasSize(5)).body("next_run_times[0]", matchesPattern(".*:(00|15|30|45):00Z"));
        api.as(user.token()).body(Map.of("cron_schedule", "0 0 31 4 *")).post(AUTOMATIONS + "/schedule-preview").then().statusCode(400);
        api.anonymous().body(Map.of("cron_schedule", "@daily")).post(AUTOMATIONS + "/schedule-preview").then().statusCode(401);
    }

    @Test
    void filtersAndLabelPathsAreValidatedWhenSavedAndPatched() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), DEFAULT_ORG);
        api.as(user.token()).body(Map.of("type", "webhook", "filter", Map.of("action", Map.of("$regex", "(unclosed"))))
                .post(triggers(automation)).then().statusCode(400).body("validations[0].field", equalTo("filter"))
                .body("validations[0].detail", containsString("action"));
        api.as(user.token()).body(Map.of("type", "webhook", "label_paths", Map.of("bad key!", "action"))).post(triggers(automation))
                .then().statusCode(400).body("validations[0].field", equalTo("label_paths"));
        String trigger = api.as(user.token()).body(Map.of("type", "webhook", "filter", Map.of("action", "opened"),
                        "label_paths", Map.of("pr", "pull_request.number"))).post(triggers(automation)).then().statusCode(201)
                .body("filter.action", equalTo("opened")).body("label_paths.pr", equalTo("pull_request.number")).extract().path("id");
        api.as(user.token()).body(Map.of("filter", Map.of("$or", List.of(Map.of("action", "opened"), Map.of("action", "closed")))))
                .patch(triggers(automation) + "/" + trigger).then().statusCode(200).body("filter.$or", hasSize(2))
                .body("label_paths.pr", equalTo("pull_request.number"));
        api.as(user.token()).body(Map.of("filter", Map.of("x", Map.of("$gt", "not a number")))).patch(triggers(automation) + "/" + trigger)
                .then().statusCode(400).body("validations[0].detail", containsString("x"));
        Map<String, Object> clear = new HashMap<>();
        clear.put("filter", null);
        api.as(user.token()).body(clear).patch(triggers(automation) + "/" + trigger).then().statusCode(200).body("$", not(hasKey("filter")));
        api.as(user.token()).body(Map.of("cron_schedule", "@daily")).patch(triggers(automation) + "/" + trigger).then().statusCode(400);
    }

    @Test
    void regeneratingASecretKeepsTheOldOneForTheGracePeriod() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), DEFAULT_ORG);
        var created = api.as(user.token()).body(Map.of("type", "webhook")).post(triggers(automation)).then().statusCode(201).extract();
        String trigger = created.path("id");
        String regenerate = triggers(automation) + "/" + trigger + "/regenerate-secret";
        var rotated = api.as(user.token()).body(Map.of("grace_period_seconds", 3600)).post(regenerate).then().statusCode(200)
                .body("secret_rotated_at", notNullValue()).extract();
        assertNotEquals((String) created.path("webhook_secret"), rotated.path("webhook_secret"));
        Duration grace = Duration.between(Instant.parse(rotated.path("secret_rotated_at")), Instant.parse(rotated.path("previous_secret_expires_at")));
        assertEquals(Duration.ofHours(1), grace);
        api.as(user.token()).body(Map.of("webhook_secret", "my-own-secret-of-sufficient-length")).post(regenerate).then().statusCode(200)
                .body("webhook_secret", equalTo("my-own-secret-of-sufficient-length")).body("$", not(hasKey("previous_secret_expires_at")));
        api.as(user.token()).body(Map.of("grace_period_seconds", 604_801)).post(regenerate).then().statusCode(400);
        api.as(user.token()).post(regenerate).then().statusCode(200);
        String cron = api.as(user.token()).body(Map.of("type", "cron", "cron_schedule", "@daily")).post(triggers(automation))
                .then().statusCode(201).extract().path("id");
        api.as(user.token()).body(Map.of()).post(triggers(automation) + "/" + cron + "/regenerate-secret").then().statusCode(400);
    }

    @Test
    void triggersBelongToTheirAutomationAndAreCapped() {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), DEFAULT_ORG);
        String other = api.automation(user.token(), DEFAULT_ORG);
        String trigger = api.webhookTrigger(user.token(), automation);
        api.as(user.token()).get(triggers(other) + "/" + trigger).then().statusCode(404);
        api.as(user.token()).delete(triggers(other) + "/" + trigger).then().statusCode(404);
        for (int i = 1; i < 20; i++) {
            api.webhookTrigger(user.token(), automation);
        }
        api.as(user.token()).body(Map.of("type", "webhook")).post(triggers(automation)).then().statusCode(409);
    }

    @Test
    void auditShowsChangedFieldsRedactsSecretsAndIsScopedForOrganizationAdmins() {
        Api api = api();
        String siteOwner = api.ownerToken();
        Api.User admin = api.newUser(siteOwner);
        Api.User user = api.newUser(siteOwner);
        String organization = api.organization(siteOwner, admin, user);
        String automation = api.automation(user.token(), organization);
        api.as(user.token()).body(Map.of("status", "preview")).patch(AUTOMATIONS + "/" + automation).then().statusCode(200);
        String secret = api.as(user.token()).body(Map.of("type", "webhook")).post(triggers(automation)).then().statusCode(201)
                .extract().path("webhook_secret");
        api.as(admin.token()).get("/api/v2/audit?resource_type=automation&resource_id=" + automation + "&action=write").then().statusCode(200)
                .body("[0].diff.status.old", equalTo("disabled")).body("[0].diff.status.new", equalTo("preview"))
                .body("[0].diff", not(hasKey("name")));
        String triggerAudit = api.as(admin.token()).get("/api/v2/audit?resource_type=automation_trigger").then().statusCode(200)
                .body("diff.webhook_secret.new", hasItem("[redacted]")).extract().asString();
        assertFalse(triggerAudit.contains(secret));
        api.as(admin.token()).get("/api/v2/audit?resource_type=user").then().statusCode(200).body("organization_id", everyNull());
        api.as(user.token()).get("/api/v2/audit").then().statusCode(403);
    }

    /** §13: the database never holds a webhook secret in clear, neither in the trigger nor in the audit log. */
    @Test
    @EnabledIfSystemProperty(named = "it.db", matches = "postgres")
    void noSecretIsStoredInClear() throws Exception {
        Api api = api();
        Api.User user = api.newUser(api.ownerToken());
        String automation = api.automation(user.token(), DEFAULT_ORG);
        String secret = api.as(user.token()).body(Map.of("type", "webhook")).post(triggers(automation)).then().statusCode(201)
                .extract().path("webhook_secret");
        String regenerated = api.as(user.token()).body(Map.of("webhook_secret", "user-chosen-secret-in-the-clear", "grace_period_seconds", 60))
                .post(triggers(automation) + "/" + api.as(user.token()).get(triggers(automation)).then().extract().path("[0].id") + "/regenerate-secret")
                .then().statusCode(200).extract().path("webhook_secret");
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("automation_triggers", "audit_log", "automations")) {
                try (ResultSet rows = s.executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
                    while (rows.next()) {
                        String row = rows.getString(1);
                        assertFalse(row.contains(secret), table + " holds the generated secret in clear");
                        assertFalse(row.contains(regenerated), table + " holds the user's secret in clear");
                    }
                }
            }
        }
    }
}
