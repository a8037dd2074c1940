package dev.automations.it;

import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import io.restassured.filter.Filter;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #11's secrets suite (§13): a secret appears once, in the answer that creates it, and nowhere else. This class
 * creates every kind of secret and uses them the ways a secret could leak: deliveries that carry the token scheme's
 * secret as a header, rotations with a grace period, refused secrets, a model config's API key changed and read, audit reads. Then it looks for each, and for
 * every secret the other suites registered ({@link KnownSecrets}), in every answer but the creating one, the server
 * log, {@code /metrics}, the audit log and, on PostgreSQL, every row of every table. It runs after the other classes.
 */
@Order(Integer.MAX_VALUE)
class SecretsIT extends ServiceIT {

    private static final String AUTOMATIONS = "/api/experimental/automations";
    private static final String DEFAULT_ORG = "00000000-0000-0000-0000-000000000001";

    /** Answers that may carry a secret: they create it. Every other answer is recorded and searched. */
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> secrets = new HashSet<>();

    @Test
    void noSecretAppearsAnywhereButInTheAnswerThatCreatesIt() throws Exception {
        Api api = api();
        Filter recording = (request, response, context) -> {
            Response answer = context.next(request, response);
            answers.add(answer.asString());
            return answer;
        };
        String owner = api.ownerToken();
        Api.User user = api.newUser(owner);
        secrets.add(secretOf(user.token()));
        secrets.add(secretOf(owner));
        String key = api.as(user.token()).body(Map.of("token_name", "secrets-" + UUID.randomUUID().toString().substring(0, 8)))
                .post("/api/v2/users/me/keys/tokens").then().statusCode(201).extract().path("key");
        secrets.add(secretOf(key));

        String modelKey = "sk-secrets-suite-" + UUID.randomUUID();
        String config = api.as(owner).body(Map.of("organization_id", DEFAULT_ORG, "name", "secrets-" + UUID.randomUUID().toString().substring(0, 8),
                "base_url", "http://127.0.0.1:11434/v1", "model", "llama3.2", "api_key", modelKey))
                .post("/api/experimental/model-configs").then().statusCode(201).extract().path("id");
        secrets.add(modelKey);
        api.as(owner).filter(recording).body(Map.of("temperature", 0.5)).patch("/api/experimental/model-configs/" + config).then().statusCode(200);
        api.as(owner).filter(recording).get("/api/experimental/model-configs/" + config).then().statusCode(200);
        api.as(owner).filter(recording).get("/api/experimental/model-configs?organization_id=" + DEFAULT_ORG).then().statusCode(200);

        String automation = api.automation(user.token(), DEFAULT_ORG);
        api.as(user.token()).body(Map.of("status", "active")).patch(AUTOMATIONS + "/" + automation).then().statusCode(200);
        String triggers = AUTOMATIONS + "/" + automation + "/triggers";
        Map<String, String> created = new java.util.LinkedHashMap<>();
        for (Map<String, Object> trigger : List.of(Map.<String, Object>of("type", "webhook"),
                Map.<String, Object>of("type", "webhook", "signature_scheme", "token"),
                Map.<String, Object>of("type", "webhook", "signature_scheme", "standard-webhooks"),
                Map.<String, Object>of("type", "webhook", "signature_scheme", "stripe", "webhook_secret", "whsec_secrets_suite_" + UUID.randomUUID()),
                Map.<String, Object>of("type", "webhook", "signature_scheme", "slack", "webhook_secret", "slack-secrets-suite-" + UUID.randomUUID()))) {
            var answer = api.as(user.token()).body(trigger).post(triggers).then().statusCode(201).extract();
            created.put(answer.path("id"), answer.path("webhook_secret"));
        }
        secrets.addAll(created.values());
        String token = (String) created.keySet().toArray()[1];
        String hmac = (String) created.keySet().toArray()[0];

        // Uses, each recorded: a token-scheme delivery carries the secret itself in a header.
        api.plain().filter(recording).header("X-Gitlab-Token", created.get(token)).contentType("application/json").body("{\"a\":1}")
                .post("/api/v2/automations/triggers/" + token + "/webhook").then().statusCode(200);
        api.plain().filter(recording).header("Authorization", "Bearer " + created.get(token)).body("{\"a\":2}")
                .post("/api/v2/automations/triggers/" + token + "/webhook").then().statusCode(200);
        api.plain().filter(recording).headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, created.get(hmac), "{}", 0))
                .body("{}").post("/api/v2/automations/triggers/" + hmac + "/webhook").then().statusCode(200);
        String rotated = api.as(user.token()).body(Map.of("grace_period_seconds", 600)).post(triggers + "/" + hmac + "/regenerate-secret")
                .then().statusCode(200).extract().path("webhook_secret");
        secrets.add(rotated);
        String chosen = "user-chosen-secret-" + UUID.randomUUID();
        api.as(user.token()).body(Map.of("webhook_secret", chosen)).post(triggers + "/" + token + "/regenerate-secret").then().statusCode(200);
        secrets.add(chosen);
        // Refusals must not echo what they refuse.
        String refused = "whsec_!!refused-" + UUID.randomUUID();
        api.as(user.token()).filter(recording).body(Map.of("type", "webhook", "signature_scheme", "standard-webhooks", "webhook_secret", refused))
                .post(triggers).then().statusCode(400);
        api.as(user.token()).filter(recording).body(Map.of("webhook_secret", "not-ascii-\u00e9-" + refused)).post(triggers + "/" + hmac + "/regenerate-secret")
                .then().statusCode(400);
        secrets.add(refused);
        api.anonymous().filter(recording).body(Map.of("email", user.email(), "password", "wrong-" + refused)).post("/api/v2/users/login")
                .then().statusCode(401);
        // Reads of everything that holds or held a secret.
        api.as(user.token()).filter(recording).get(triggers).then().statusCode(200);
        created.keySet().forEach(id -> api.as(user.token()).filter(recording).get(triggers + "/" + id).then().statusCode(200));
        api.as(user.token()).filter(recording).get(AUTOMATIONS + "/" + automation + "/events").then().statusCode(200);
        api.as(user.token()).filter(recording).get("/api/v2/users/me/keys/tokens").then().statusCode(200);
        api.as(owner).filter(recording).get("/api/v2/audit?limit=500").then().statusCode(200);
        api.as(owner).filter(recording).get("/api/v2/audit?resource_type=automation_trigger&limit=500").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("[redacted]"));
        api.plain().filter(recording).get("/metrics").then().statusCode(200);
        api.plain().filter(recording).get("/openapi").then().statusCode(200);
        api.as(user.token()).filter(recording).delete(triggers + "/" + created.keySet().toArray()[4]).then().statusCode(204);

        secrets.addAll(KnownSecrets.all());
        secrets.removeIf(s -> s == null || s.isBlank());
        assertTrue(secrets.size() >= 10, "secrets to look for: " + secrets.size());
        List<String> leaks = new ArrayList<>();
        synchronized (answers) {
            answers.forEach(answer -> leaks(answer, "an answer", leaks));
        }
        leaks(ServerLog.text(), "the server log", leaks);
        String password = System.getenv("AUTOMATIONS_DB_PASSWORD");
        if (password != null && ServerLog.text().contains(password)) {
            leaks.add("the server log holds the database password");
        }
        if ("postgres".equals(System.getProperty("it.db"))) {
            leaks.addAll(inTheDatabase());
        }
        assertEquals(List.of(), leaks);
    }

    private void leaks(String text, String where, List<String> leaks) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                leaks.add(where + " holds a secret ending " + secret.substring(Math.max(0, secret.length() - 4)));
            }
        }
    }

    /** Every row of every table, as JSON text. */
    private List<String> inTheDatabase() throws Exception {
        List<String> leaks = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertTrue(tables.contains("automation_triggers") && tables.contains("api_keys"), "tables: " + tables);
            for (String table : tables) {
                try (ResultSet rows = s.executeQuery("SELECT row_to_json(t)::text FROM \"" + table + "\" t")) {
                    while (rows.next()) {
                        leaks(rows.getString(1), "table " + table, leaks);
                    }
                }
            }
        }
        return leaks;
    }

    private static String secretOf(String token) {
        return token.substring(token.indexOf('-') + 1);
    }
}
