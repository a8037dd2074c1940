package dev.automations.coder.control;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.automations.platform.entity.JsonText;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client's retry rules (§15 step 5, §17) against a stand-in Coder on loopback. */
class CoderClientTest {

    private static final String TOKEN = "test-token-" + UUID.randomUUID();
    private static final String CHATS = "/api/experimental/chats";
    private static WireMockServer coder;

    @BeforeAll
    static void start() {
        coder = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        coder.start();
    }

    @AfterAll
    static void stop() {
        coder.stop();
    }

    @BeforeEach
    void reset() {
        coder.resetAll();
    }

    private static CoderClient client(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of(CoderSettings.URL, "http://127.0.0.1:" + coder.port() + "/",
                CoderSettings.TOKEN, TOKEN, CoderSettings.ORGANIZATION, UUID.randomUUID().toString(),
                CoderSettings.TIMEOUT, "PT5S", CoderSettings.BACKOFF, "PT0.05S", CoderSettings.MAX_BACKOFF, "PT2S"));
        config.putAll(extra);
        return new CoderClient(CoderSettings.from(key -> Optional.ofNullable(config.get(key))));
    }

    private static JsonObject body() {
        return JsonText.JSON.createObjectBuilder().add("labels", JsonText.JSON.createObjectBuilder().add("pr", "1"))
                .add("organization_id", "org").add("content", JsonText.JSON.createArrayBuilder()).build();
    }

    private static List<LoggedRequest> posts() {
        return coder.findAll(postRequestedFor(urlPathEqualTo(CHATS)));
    }

    @Test
    void aCreatedChatIsReadWithTheTokenSentAndTheTemplatesOfTheStubsWork() {
        coder.stubFor(post(CHATS).willReturn(CoderStubs.chatCreated()));
        JsonObject chat = client(Map.of()).post("/chats", body());
        assertEquals(36, chat.getString("id").length());
        assertEquals("{\"pr\":\"1\"}", chat.getJsonObject("labels").toString());
        assertEquals(TOKEN, posts().get(0).getHeader("Coder-Session-Token"));
        assertEquals("application/json", posts().get(0).getHeader("Content-Type"));

        coder.stubFor(post(urlPathMatching(CHATS + "/[^/]+/messages")).willReturn(CoderStubs.messageAccepted()));
        JsonObject message = client(Map.of()).post("/chats/" + chat.getString("id") + "/messages", body());
        assertEquals(chat.getString("id"), message.getJsonObject("message").getString("chat_id"));
        assertEquals(false, message.getBoolean("queued"));
    }

    @Test
    void fiveHundredThenSuccessIsRetried() {
        coder.stubFor(post(CHATS).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CoderStubs.error(500, "Failed to create chat.", "boom")).willSetStateTo("recovered"));
        coder.stubFor(post(CHATS).inScenario("flaky").whenScenarioStateIs("recovered").willReturn(CoderStubs.chatCreated()));
        client(Map.of()).post("/chats", body());
        assertEquals(2, posts().size());
    }

    @Test
    void retryAfterIsHonouredAndOneLongerThanTheLongestWaitIsNotWaitedFor() {
        coder.stubFor(post(CHATS).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(CoderStubs.error(429, "You've been rate limited.", "").withHeader("Retry-After", "1")).willSetStateTo("ok"));
        coder.stubFor(post(CHATS).inScenario("throttled").whenScenarioStateIs("ok").willReturn(CoderStubs.chatCreated()));
        client(Map.of()).post("/chats", body());
        List<LoggedRequest> sent = posts();
        assertEquals(2, sent.size());
        long gap = sent.get(1).getLoggedDate().getTime() - sent.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 1000, "waited as Retry-After said: " + gap + " ms");

        coder.resetAll();
        coder.stubFor(post(CHATS).willReturn(CoderStubs.error(429, "Slow down.", "").withHeader("Retry-After", "3600")));
        CoderFailure failure = assertThrows(CoderFailure.class, () -> client(Map.of()).post("/chats", body()));
        assertEquals(429, failure.status());
        assertEquals(1, posts().size());
        assertEquals("coder POST /api/experimental/chats answered 429: Slow down.", failure.getMessage());
    }

    @Test
    void unauthorizedAndOtherClientErrorsAreNotRetried() {
        coder.stubFor(post(CHATS).willReturn(CoderStubs.error(401, "You are signed out or your session has expired.", "API key is invalid.")));
        CoderFailure failure = assertThrows(CoderFailure.class, () -> client(Map.of()).post("/chats", body()));
        assertEquals(401, failure.status());
        assertEquals("coder POST /api/experimental/chats answered 401: You are signed out or your session has expired. (API key is invalid.)",
                failure.getMessage());
        assertEquals(1, posts().size());
    }

    @Test
    void timeoutsAndBrokenConnectionsAreRetriedUpToTheAttemptsThenFail() {
        // A path of its own: the late answers must not land among the next test's requests.
        coder.stubFor(post(CHATS + "/slow").willReturn(CoderStubs.chatCreated().withFixedDelay(2000)));
        CoderFailure slow = assertThrows(CoderFailure.class, () -> client(Map.of(CoderSettings.TIMEOUT, "PT0.5S")).post("/chats/slow", body()));
        assertEquals(0, slow.status());
        assertEquals("coder POST /api/experimental/chats/slow timed out after 500 ms (after 3 attempts)", slow.getMessage());

        coder.resetAll();
        coder.stubFor(post(CHATS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CoderFailure reset = assertThrows(CoderFailure.class, () -> client(Map.of(CoderSettings.MAX_ATTEMPTS, "2")).post("/chats", body()));
        assertTrue(reset.getMessage().startsWith("coder POST /api/experimental/chats failed: IOException"), reset.getMessage());
        assertTrue(reset.getMessage().endsWith("(after 2 attempts)"), reset.getMessage());
        assertEquals(2, posts().size());
    }

    @Test
    void aProxysHtmlErrorIsShortenedAndTheTokenNeverQuotedBack() {
        coder.stubFor(post(CHATS).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html>\n<body><h1>502 Bad Gateway</h1> token " + TOKEN + "</body></html>")));
        CoderFailure failure = assertThrows(CoderFailure.class, () -> client(Map.of(CoderSettings.MAX_ATTEMPTS, "1")).post("/chats", body()));
        assertEquals("coder POST /api/experimental/chats answered 502: <html> <body><h1>502 Bad Gateway</h1> token [redacted]</body></html>",
                failure.getMessage());
        assertFalse(failure.getMessage().contains(TOKEN));
    }

    @Test
    void redirectsAreNotFollowedSoTheTokenStaysWithCoder() {
        coder.stubFor(post(CHATS).willReturn(aResponse().withStatus(307).withHeader("Location", "http://127.0.0.1:" + coder.port() + "/elsewhere")));
        CoderFailure failure = assertThrows(CoderFailure.class, () -> client(Map.of()).post("/chats", body()));
        assertEquals(307, failure.status());
        assertEquals(0, coder.findAll(postRequestedFor(urlPathEqualTo("/elsewhere"))).size());
    }

    @Test
    void theApiPrefixIsConfigurable() {
        coder.stubFor(post("/api/v2/chats").withHeader("Coder-Session-Token", equalTo(TOKEN)).willReturn(CoderStubs.chatCreated()));
        client(Map.of(CoderSettings.PREFIX, "/api/v2/")).post("/chats", body());
        assertEquals(1, coder.findAll(postRequestedFor(urlPathEqualTo("/api/v2/chats"))).size());
    }

    @Test
    void theProbeAsksForTheTokensUser() throws Exception {
        coder.stubFor(get("/api/v2/users/me").withHeader("Coder-Session-Token", equalTo(TOKEN)).willReturn(CoderStubs.me()));
        assertEquals(200, client(Map.of()).probe(CoderProbe.PATH).get().statusCode());
    }
}
