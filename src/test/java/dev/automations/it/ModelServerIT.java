package dev.automations.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.automations.signature.SignatureScheme;
import dev.automations.signature.TestSigning;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the agent's ITs share: the model server (WireMock on 127.0.0.1, answering in OpenAI's documented shape), an
 * organization of each test's own, its model config, automations and chats, and ways to wait for their turns.
 */
abstract class ModelServerIT extends ServiceIT {

    static final String CONFIGS = "/api/experimental/model-configs";
    static final String CHATS = "/api/experimental/chats";
    static final String SYSTEM_PROMPT = "You are the on-call reviewer.";
    static final ObjectMapper JSON = new ObjectMapper();

    static WireMockServer model;

    @BeforeAll
    static void startModel() {
        model = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        model.start();
    }

    @AfterAll
    static void stopModel() {
        model.stop();
    }

    /** An organization with its own admin, who owns the automations and chats, and its own path on the model server. */
    record Org(Api api, String ownerToken, Api.User admin, String id, String path, String key) {
        String token() {
            return admin.token();
        }

        String completions() {
            return path + "/v1/chat/completions";
        }
    }

    Org org() {
        Api api = api();
        String owner = api.ownerToken();
        Api.User admin = api.newUser(owner);
        return new Org(api, owner, admin, api.organization(owner, admin), "/" + UUID.randomUUID().toString().substring(0, 8),
                "sk-it-" + UUID.randomUUID());
    }

    static String modelConfig(Org org, String baseUrl, String modelName, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("organization_id", org.id());
        body.put("name", "m-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("provider", "openai-compatible");
        body.put("base_url", baseUrl);
        body.put("model", modelName);
        body.put("system_prompt", SYSTEM_PROMPT);
        body.put("is_default", true);
        if (key != null) {
            body.put("api_key", key);
        }
        return org.api().as(org.token()).body(body).post(CONFIGS).then().statusCode(201).extract().path("id");
    }

    String modelConfig(Org org) {
        return modelConfig(org, "http://127.0.0.1:" + model.port() + org.path() + "/v1", "gpt-4o", org.key());
    }

    static String fixture(String name) {
        try (InputStream in = ModelServerIT.class.getResourceAsStream("/model-answers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static ResponseDefinitionBuilder completion(String text) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(fixture("openai.json")
                .replace("The pull request fixes the escaping of titles.", text));
    }

    void answerAlways(Org org, ResponseDefinitionBuilder answer) {
        model.stubFor(post(urlEqualTo(org.completions())).willReturn(answer));
    }

    /** Answers in turn, the last one from then on. */
    void answerInTurn(Org org, ResponseDefinitionBuilder... answers) {
        String scenario = org.path();
        for (int i = 0; i < answers.length; i++) {
            var stub = post(urlEqualTo(org.completions())).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i).willReturn(answers[i]);
            model.stubFor(i < answers.length - 1 ? stub.willSetStateTo("answer " + (i + 1)) : stub);
        }
    }

    /** The chat-completions requests the model server received for this organization, as JSON. */
    static List<JsonNode> requests(Org org) {
        List<JsonNode> bodies = new ArrayList<>();
        model.findAll(postRequestedFor(urlEqualTo(org.completions()))).forEach(r -> {
            try {
                bodies.add(JSON.readTree(r.getBodyAsString()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return bodies;
    }

    static Map<String, Object> chat(Org org, String chat) {
        return org.api().as(org.token()).get(CHATS + "/" + chat).then().statusCode(200).extract().path("");
    }

    /** Waits until the chat satisfies the condition, failing with the chat's last state. */
    static Map<String, Object> awaitChat(Org org, String chat, Duration timeout, Predicate<Map<String, Object>> condition) {
        return Await.until("chat " + chat + " is as expected", timeout, () -> chat(org, chat), condition);
    }

    static Predicate<Map<String, Object>> status(String status) {
        return c -> status.equals(c.get("status"));
    }

    static List<Map<String, Object>> messages(Org org, String chat) {
        return org.api().as(org.token()).get(CHATS + "/" + chat + "/messages").then().statusCode(200).extract().path("messages");
    }

    static String text(Map<String, Object> message) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) message.get("content");
        return (String) parts.get(0).get("text");
    }

    String newChat(Org org, String content) {
        return org.api().as(org.token()).body(Map.of("organization_id", org.id(), "content", content)).post(CHATS).then()
                .statusCode(201).extract().path("id");
    }

    /** A chat of a person in the organization, whose default model answers it so. */
    String chatAnsweredBy(Org org, ResponseDefinitionBuilder answer) {
        modelConfig(org);
        answerAlways(org, answer);
        return newChat(org, "Please answer.");
    }

    /** An active automation of the organization with a webhook trigger labelling chats by {@code pr}; returns [automation, trigger, secret]. */
    static String[] hook(Org org, String modelConfig) {
        Map<String, Object> automation = new HashMap<>(Map.of("name", "Review " + UUID.randomUUID().toString().substring(0, 6),
                "organization_id", org.id(), "instructions", "Review the pull request.", "status", "active"));
        if (modelConfig != null) {
            automation.put("model_config_id", modelConfig);
        }
        String id = org.api().as(org.token()).body(automation).post("/api/experimental/automations").then().statusCode(201).extract().path("id");
        var trigger = org.api().as(org.token()).body(Map.of("type", "webhook", "label_paths", Map.of("pr", "pr")))
                .post("/api/experimental/automations/" + id + "/triggers").then().statusCode(201).extract();
        return new String[]{id, trigger.path("id"), trigger.path("webhook_secret")};
    }

    /** Delivers a signed webhook and waits for its firing; returns the event. */
    Map<String, Object> deliver(Org org, String[] hook, String body) {
        String event = given().baseUri(base.toString()).contentType("application/json")
                .headers(TestSigning.signedHeaders(SignatureScheme.HMAC_SHA256, hook[2], body, 0))
                .header("X-GitHub-Delivery", UUID.randomUUID().toString()).body(body)
                .post("/api/v2/automations/triggers/" + hook[1] + "/webhook").then().statusCode(200).extract().header("X-Automation-Event-Id");
        String path = "/api/experimental/automations/" + hook[0] + "/events/" + event;
        return Await.until("event " + event + " is fired", Duration.ofSeconds(60),
                () -> org.api().as(org.token()).get(path).then().statusCode(200).extract().<Map<String, Object>>path(""),
                e -> !"pending".equals(e.get("status")));
    }

    static String serverLog() {
        try {
            return Files.readString(ItSession.logs().resolve("server-" + System.getProperty("it.db") + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double metric(String name, String label) {
        return api().metric(name, label);
    }
}
