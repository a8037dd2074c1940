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
 * §15 end to end: a signed delivery or a person's message → a turn against an OpenAI-compatible server (WireMock on
 * 127.0.0.1, answering in OpenAI's documented shape) → the answer stored with its usage. Every test works in an
 * organization of its own, so the default model configs it creates answer no other test's chats.
 */
class AgentIT extends ModelServerIT {

    @Test
    void aSignedDeliveryIsAnsweredWithUsageAndTheKeyAppearsNowhere() {
        Org org = org();
        String config = modelConfig(org);
        answerAlways(org, completion("PR 7 looks good."));
        String[] hook = hook(org, config);
        Map<String, Object> event = deliver(org, hook, "{\"pr\":7,\"title\":\"Fix <b>escaping</b>\"}");
        assertEquals("created", event.get("status"));
        String chat = (String) event.get("created_chat_id");

        Map<String, Object> answered = awaitChat(org, chat, Duration.ofSeconds(60), status("waiting"));
        assertEquals(config, answered.get("model_config_id"));
        assertNull(answered.get("last_error"));
        List<Map<String, Object>> messages = messages(org, chat);
        assertEquals(2, messages.size());
        assertEquals("assistant", messages.get(1).get("role"));
        assertEquals("PR 7 looks good.", text(messages.get(1)));
        assertEquals(Map.of("prompt_tokens", 1117, "completion_tokens", 46), messages.get(1).get("usage"));
        assertNull(messages.get(0).get("usage"));

        List<JsonNode> sent = requests(org);
        assertEquals(1, sent.size());
        JsonNode said = sent.get(0).get("messages");
        assertEquals("system", said.get(0).get("role").asText());
        assertEquals(SYSTEM_PROMPT, said.get(0).get("content").asText());
        assertEquals("user", said.get(1).get("role").asText());
        assertEquals(text(messages.get(0)), said.get(1).get("content").asText(), "the §9 message, as stored");
        assertTrue(said.get(1).get("content").asText().contains("<automation_event_data>\n{&quot;pr&quot;:7"));
        assertEquals("gpt-4o", sent.get(0).get("model").asText());
        model.verify(postRequestedFor(urlEqualTo(org.completions())).withHeader("Authorization", WireMock.equalTo("Bearer " + org.key())));

        String everything = org.api().as(org.ownerToken()).get(CONFIGS + "/" + config).asString()
                + org.api().as(org.token()).get(CHATS + "/" + chat).asString()
                + org.api().as(org.token()).get(CHATS + "/" + chat + "/messages").asString()
                + org.api().as(org.ownerToken()).get("/api/v2/audit?limit=500").asString()
                + org.api().plain().get("/metrics").asString();
        assertFalse(everything.contains(org.key()), "the api key leaked into a response, the audit log or the metrics");
        assertFalse(serverLog().contains(org.key()), "the api key is in the server's log");
        assertTrue(metric("automations_agent_tokens_total", "kind=\"prompt\"") >= 1117);
    }

    @Test
    void aContinuationArrivingWhileRunningIsAnsweredByTheNextTurn() {
        Org org = org();
        modelConfig(org);
        answerInTurn(org, completion("first answer").withFixedDelay(8_000), completion("second answer"));
        String[] hook = hook(org, null);
        String chat = (String) deliver(org, hook, "{\"pr\":1}").get("created_chat_id");
        Await.until("the first turn reaches the model", Duration.ofSeconds(60), () -> requests(org).size() == 1);

        Map<String, Object> continued = deliver(org, hook, "{\"pr\":1,\"action\":\"synchronize\"}");
        assertEquals("continued", continued.get("status"));
        assertEquals(chat, continued.get("matched_chat_id"));
        assertEquals("running", chat(org, chat).get("status"), "the continuation did not interrupt the running turn");

        awaitChat(org, chat, Duration.ofSeconds(60), c -> "waiting".equals(c.get("status")) && messages(org, chat).size() == 4);
        List<Map<String, Object>> messages = messages(org, chat);
        assertEquals(List.of("user", "assistant", "user", "assistant"), messages.stream().map(m -> m.get("role")).toList());
        assertEquals("first answer", text(messages.get(1)), "the first answer comes before the queued message");
        assertTrue(text(messages.get(2)).contains("synchronize"));
        assertEquals("second answer", text(messages.get(3)));
        List<JsonNode> sent = requests(org);
        assertEquals(2, sent.size());
        JsonNode second = sent.get(1).get("messages");
        assertEquals(4, second.size(), "system, the first message, the first answer, the queued message");
        assertEquals("first answer", second.get(2).get("content").asText());
    }

    @Test
    void aPersonsMessagesAreAnswered() {
        Org org = org();
        modelConfig(org);
        answerInTurn(org, completion("Hello, human."), completion("Still here."));
        String chat = newChat(org, "Hello?");
        awaitChat(org, chat, Duration.ofSeconds(60), status("waiting"));
        org.api().as(org.token()).body(Map.of("content", "Are you there?")).post(CHATS + "/" + chat + "/messages").then().statusCode(200)
                .body("role", equalTo("user"));
        awaitChat(org, chat, Duration.ofSeconds(60), c -> "waiting".equals(c.get("status")) && messages(org, chat).size() == 4);
        assertEquals("Still here.", text(messages(org, chat).get(3)));
        assertEquals(List.of("system", "user", "assistant", "user"),
                requests(org).get(1).get("messages").findValuesAsText("role"));
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedAndRetryAfterHonoured() {
        Org org = org();
        modelConfig(org);
        double retriedBefore = metric("automations_agent_turns_total", "outcome=\"retried\"");
        answerInTurn(org, aResponse().withStatus(429).withHeader("Retry-After", "1").withBody("{\"error\":{\"message\":\"slow down\"}}"),
                aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"oops\"}}"), completion("third time lucky"));
        String chat = newChat(org, "Please answer.");
        awaitChat(org, chat, Duration.ofSeconds(60), status("waiting"));
        assertEquals("third time lucky", text(messages(org, chat).get(1)));
        assertEquals(3, requests(org).size());
        assertTrue(metric("automations_agent_turns_total", "outcome=\"retried\"") >= retriedBefore + 2);
    }

    @Test
    void aServerThatKeepsFailingEndsInErrorAfterTheLastAttempt() {
        Org org = org();
        String chat = chatAnsweredBy(org, aResponse().withStatus(503).withBody("{\"error\":{\"message\":\"overloaded\"}}"));
        Map<String, Object> failed = awaitChat(org, chat, Duration.ofSeconds(60), status("error"));
        assertTrue(((String) failed.get("last_error")).startsWith("gave up after 3 attempts: the model server answered HTTP 503"),
                (String) failed.get("last_error"));
        assertEquals(3, requests(org).size());
    }

    @Test
    void aRefusedRequestErrsAtOnceAndTheOwnerRetriesIt() {
        Org org = org();
        String chat = chatAnsweredBy(org, aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"context_length_exceeded\"}}"));
        Map<String, Object> failed = awaitChat(org, chat, Duration.ofSeconds(60), status("error"));
        assertEquals("the model server answered HTTP 400: {\"error\":{\"message\":\"context_length_exceeded\"}}", failed.get("last_error"));
        assertEquals(1, requests(org).size());

        String retry = CHATS + "/" + chat + "/retry";
        org.api().as(org.ownerToken()).post(retry).then().statusCode(403);
        Api.User stranger = org.api().newUser(org.ownerToken());
        org.api().as(stranger.token()).post(retry).then().statusCode(404);
        answerAlways(org, completion("Better now."));
        org.api().as(org.token()).post(retry).then().statusCode(200).body("status", equalTo("pending")).body("last_error", equalTo(null));
        awaitChat(org, chat, Duration.ofSeconds(60), status("waiting"));
        assertEquals("Better now.", text(messages(org, chat).get(1)));
        org.api().as(org.token()).post(retry).then().statusCode(409).body("message", containsString("waiting"));
    }

    @Test
    void withoutAModelTheChatWaitsAndIsAnsweredOnceOneIsConfigured() {
        Org org = org();
        answerAlways(org, completion("Finally."));
        String chat = newChat(org, "Anyone?");
        Map<String, Object> waiting = awaitChat(org, chat, Duration.ofSeconds(30), c -> c.get("last_error") != null);
        assertEquals("pending", waiting.get("status"));
        assertTrue(((String) waiting.get("last_error")).startsWith("no model is configured"), (String) waiting.get("last_error"));
        modelConfig(org);
        awaitChat(org, chat, Duration.ofSeconds(60), status("waiting"));
        assertEquals("Finally.", text(messages(org, chat).get(1)));
    }

    /**
     * Opt-in: the same delivery-to-answer check against a real OpenAI-compatible endpoint, from
     * {@code AUTOMATIONS_IT_OPENAI_URL} (its base URL), {@code _MODEL} and {@code _KEY}.
     */
    @Test
    void aRealEndpointAnswersWhenOneIsConfigured() {
        String url = System.getenv("AUTOMATIONS_IT_OPENAI_URL");
        if (url == null || url.isBlank()) {
            String why = "AgentIT: AUTOMATIONS_IT_OPENAI_URL is not set; skipping the check against a real model endpoint";
            System.out.println(why);
            Assumptions.assumeTrue(false, why);
        }
        Org org = org();
        String config = modelConfig(org, url, System.getenv().getOrDefault("AUTOMATIONS_IT_OPENAI_MODEL", "gpt-4o-mini"),
                System.getenv("AUTOMATIONS_IT_OPENAI_KEY"));
        String chat = (String) deliver(org, hook(org, config), "{\"pr\":42,\"title\":\"Add a README\"}").get("created_chat_id");
        awaitChat(org, chat, Duration.ofMinutes(5), status("waiting"));
        Map<String, Object> answer = messages(org, chat).get(1);
        assertEquals("assistant", answer.get("role"));
        assertFalse(text(answer).isBlank());
        System.out.println("AgentIT: the real endpoint answered with usage " + answer.get("usage"));
    }
}
