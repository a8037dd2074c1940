package dev.automations.agent.control;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.automations.agent.control.ModelClient.Answer;
import dev.automations.chat.control.ChatTurns.Said;
import dev.automations.model.control.ModelEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat-completions call against WireMock replaying the documented answers of OpenAI, Ollama and llama.cpp. */
class ModelClientTest {

    private static final String KEY = "sk-test-" + UUID.randomUUID();
    private static final String PATH = "/v1/chat/completions";
    private static final List<Said> TRANSCRIPT = List.of(Said.user("Review PR 7."), Said.assistant("Looks fine."),
            Said.user("And the tests?"));

    private WireMockServer server;
    /** Patient enough for a loaded machine; the timeout tests use their own. */
    private final ModelClient client = new ModelClient(Duration.ofSeconds(30));
    private final ModelClient impatient = new ModelClient(Duration.ofSeconds(1));

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ModelEndpoint endpoint(String key, String systemPrompt) {
        return new ModelEndpoint(UUID.randomUUID(), "http://127.0.0.1:" + server.port() + "/v1", "gpt-4o", key, 256, 0.2, systemPrompt);
    }

    private void answer(int status, String body) {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ModelClientTest.class.getResourceAsStream("/model-answers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void sendsTheSystemPromptThenTheTranscriptAndReadsOpenAisAnswerWithUsage() throws Exception {
        answer(200, fixture("openai.json"));
        Answer answer = client.complete(endpoint(KEY, "You review pull requests."), TRANSCRIPT, List.of());
        assertEquals(new Answer("The pull request fixes the escaping of titles.", List.of(), 1117, 46), answer);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4o", "temperature": 0.2, "max_tokens": 256, "messages": [
                          {"role": "system", "content": "You review pull requests."},
                          {"role": "user", "content": "Review PR 7."},
                          {"role": "assistant", "content": "Looks fine."},
                          {"role": "user", "content": "And the tests?"}]}""", true, true)));
    }

    @Test
    void readsOllamasAndLlamaCppsAnswersAndSendsNoKeyWhenThereIsNone() throws Exception {
        answer(200, fixture("ollama.json"));
        assertEquals(new Answer("Hello from Ollama.", List.of(), 26, 10), client.complete(endpoint(null, null), TRANSCRIPT, List.of()));
        server.resetAll();
        answer(200, fixture("llamacpp.json"));
        assertEquals(new Answer("Hello from llama.cpp.", List.of(), 40, 15), client.complete(endpoint(null, " "), TRANSCRIPT, List.of()));
        server.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", absent())
                .withRequestBody(equalToJson("{\"messages\": [{\"role\": \"user\", \"content\": \"Review PR 7.\"}, {}, {}]}", true, true)));
    }

    @Test
    void anAnswerWithoutUsageHasNoCounts() throws Exception {
        answer(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"ok\"},\"finish_reason\":\"stop\"}]}");
        assertEquals(new Answer("ok", List.of(), null, null), client.complete(endpoint(null, null), TRANSCRIPT, List.of()));
    }

    @Test
    void a429IsRetriableWithItsRetryAfterAndTheKeyIsNeverInTheError() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody("{\"error\":{\"message\":\"Rate limit reached for key " + KEY + "\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}")));
        ModelFailure failure = assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of()));
        assertTrue(failure.retriable());
        assertEquals(Optional.of(Duration.ofSeconds(7)), failure.retryAfter());
        assertTrue(failure.getMessage().startsWith("the model server answered HTTP 429: "), failure.getMessage());
        assertFalse(failure.getMessage().contains(KEY), failure.getMessage());
        assertTrue(failure.getMessage().contains("[redacted]"), failure.getMessage());
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void a5xxIsRetriedByUsNotByLangChain4j() {
        answer(503, "{\"error\":{\"message\":\"overloaded\"}}");
        ModelFailure failure = assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of()));
        assertTrue(failure.retriable());
        assertEquals(Optional.empty(), failure.retryAfter());
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void otherClientErrorsAreFinal() {
        answer(400, "{\"error\":{\"message\":\"This model's maximum context length is 8192 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}");
        ModelFailure badRequest = assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of()));
        assertFalse(badRequest.retriable());
        assertTrue(badRequest.getMessage().contains("HTTP 400") && badRequest.getMessage().contains("maximum context length"), badRequest.getMessage());
        server.resetAll();
        answer(401, "{\"error\":{\"message\":\"Incorrect API key provided.\"}}");
        assertFalse(assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of())).retriable());
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsARetriableTimeout() {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(60_000)));
        ModelFailure failure = assertThrows(ModelFailure.class, () -> impatient.complete(endpoint(KEY, null), TRANSCRIPT, List.of()));
        assertTrue(failure.retriable());
        assertEquals("the model server did not answer within PT1S", failure.getMessage());
    }

    @Test
    void theTimeoutCoversABodyThatTricklesInAfterTheHeaders() throws Exception {
        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(fixture("openai.json")).withChunkedDribbleDelay(20, 60_000)));
        ModelFailure failure = assertThrows(ModelFailure.class, () -> impatient.complete(endpoint(KEY, null), TRANSCRIPT, List.of()));
        assertEquals("the model server did not answer within PT1S", failure.getMessage());
    }

    @Test
    void connectionFailuresAreRetriable() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        ModelEndpoint nowhere = new ModelEndpoint(UUID.randomUUID(), "http://127.0.0.1:" + closed + "/v1", "m", KEY, null, null, null);
        ModelFailure refused = assertThrows(ModelFailure.class, () -> client.complete(nowhere, TRANSCRIPT, List.of()));
        assertTrue(refused.retriable());
        assertTrue(refused.getMessage().startsWith("could not reach the model server: "), refused.getMessage());

        server.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertTrue(assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of())).retriable());
    }

    @Test
    void malformedOrEmptyAnswersAreFinal() {
        answer(200, "{\"id\": \"chatcmpl-1\", \"choices\": [");
        ModelFailure malformed = assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of()));
        assertFalse(malformed.retriable(), malformed.getMessage());
        assertTrue(malformed.getMessage().startsWith("the model server's answer is not a chat completion: "), malformed.getMessage());
        server.resetAll();
        answer(200, "<html><body>Welcome to nginx!</body></html>");
        assertFalse(assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of())).retriable());
        server.resetAll();
        answer(200, "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}");
        assertFalse(assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of())).retriable());
        server.resetAll();
        answer(200, "{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"length\"}]}");
        ModelFailure empty = assertThrows(ModelFailure.class, () -> client.complete(endpoint(KEY, null), TRANSCRIPT, List.of()));
        assertFalse(empty.retriable());
        assertTrue(empty.getMessage().contains("without text"), empty.getMessage());
    }
}
