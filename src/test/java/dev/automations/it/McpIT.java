package dev.automations.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * §16 end to end: MCP servers through the API, and turns whose model (WireMock) calls tools of a real MCP server (the
 * MCP Java SDK's, on 127.0.0.1): the tool runs, its result reaches the model's next request, and the round is stored
 * as {@code tool-call} and {@code tool-result} parts. The run's server has {@code automations.agent.tool-timeout}
 * {@value ItSession#TOOL_TIMEOUT} and {@code automations.agent.max-tool-rounds} {@value ItSession#MAX_TOOL_ROUNDS}.
 */
class McpIT extends ModelServerIT {

    static final String SERVERS = "/api/experimental/mcp-servers";
    static final String TOKEN = "Bearer mcp-it-" + UUID.randomUUID();

    static McpTestServer streamable;
    static McpTestServer sse;

    @BeforeAll
    static void startMcpServers() {
        streamable = McpTestServer.streamableHttp();
        sse = McpTestServer.sse();
    }

    @AfterAll
    static void stopMcpServers() {
        streamable.close();
        sse.close();
    }

    /** An answer of the model that calls tools: pairs of name and arguments (JSON text). */
    static ResponseDefinitionBuilder toolCalls(String... nameAndArguments) {
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < nameAndArguments.length; i += 2) {
            calls.append(i == 0 ? "" : ",").append("{\"id\":\"call_").append(UUID.randomUUID().toString(), 0, 8)
                    .append("\",\"type\":\"function\",\"function\":{\"name\":").append(quote(nameAndArguments[i]))
                    .append(",\"arguments\":").append(quote(nameAndArguments[i + 1])).append("}}");
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"id\":\"chatcmpl-tools\","
                + "\"object\":\"chat.completion\",\"created\":1741570283,\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[" + calls + "]},\"finish_reason\":\"tool_calls\"}],"
                + "\"usage\":{\"prompt_tokens\":80,\"completion_tokens\":12,\"total_tokens\":92}}");
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String mcpServer(Org org, String name, String url) {
        return org.api().as(org.token()).body(Map.of("organization_id", org.id(), "name", name, "url", url,
                "headers", Map.of("Authorization", TOKEN))).post(SERVERS).then().statusCode(201).extract().path("id");
    }

    /** A webhook automation using these MCP servers and tools; returns [automation, trigger, secret]. */
    String[] toolAutomation(Org org, List<String> servers, List<String> allowedTools) {
        String[] hook = hook(org, modelConfig(org));
        org.api().as(org.token()).body(Map.of("mcp_server_ids", servers, "allowed_tools", allowedTools))
                .patch("/api/experimental/automations/" + hook[0]).then().statusCode(200);
        return hook;
    }

    /** Delivers an event to the automation and waits for the chat it created to reach {@code status}; returns the chat's id. */
    String fire(Org org, String[] hook, String status) {
        String chat = (String) deliver(org, hook, "{\"pr\":" + (int) (Math.random() * 1000) + "}").get("created_chat_id");
        awaitChat(org, chat, Duration.ofSeconds(60), status(status));
        return chat;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parts(Map<String, Object> message) {
        return (List<Map<String, Object>>) message.get("content");
    }

    /** The chat-completions messages of one request that carry a tool's result. */
    static List<JsonNode> toolMessages(JsonNode request) {
        return request.get("messages").findParents("role").stream().filter(m -> "tool".equals(m.get("role").asText())).toList();
    }

    @Test
    void aToolCallRunsThroughMcpAndItsResultReachesTheModel() {
        Org org = org();
        String server = mcpServer(org, "tools", streamable.url());
        answerInTurn(org, toolCalls("echo", "{\"text\":\"PR 7\"}"), completion("The tool said: echo: PR 7"));
        String chat = fire(org, toolAutomation(org, List.of(server), List.of()), "waiting");

        assertTrue(streamable.calls.contains(new McpTestServer.Call("echo", Map.of("text", "PR 7"))), "echo ran: " + streamable.calls);
        assertTrue(streamable.authorizations.contains(TOKEN), "the sealed header reached the MCP server");
        List<JsonNode> sent = requests(org);
        assertEquals(2, sent.size());
        assertEquals(List.of("add", "echo", "fail", "slow"), sent.get(0).get("tools").findValuesAsText("name").stream().sorted().toList());
        List<JsonNode> results = toolMessages(sent.get(1));
        assertEquals(1, results.size());
        assertEquals("echo: PR 7", results.get(0).get("content").asText(), "the tool's result is in the model's next request");

        List<Map<String, Object>> messages = messages(org, chat);
        assertEquals(List.of("user", "assistant", "tool", "assistant"), messages.stream().map(m -> m.get("role")).toList());
        Map<String, Object> call = parts(messages.get(1)).get(0);
        assertEquals("tool-call", call.get("type"));
        assertEquals("echo", call.get("name"));
        assertEquals(Map.of("text", "PR 7"), call.get("arguments"));
        assertEquals(Map.of("prompt_tokens", 80, "completion_tokens", 12), messages.get(1).get("usage"));
        assertEquals(Map.of("type", "tool-result", "tool_call_id", call.get("id"), "output", "echo: PR 7", "is_error", false),
                parts(messages.get(2)).get(0));
        assertEquals("The tool said: echo: PR 7", text(messages.get(3)));

        String everything = org.api().as(org.token()).get(SERVERS + "/" + server).asString()
                + org.api().as(org.token()).get(CHATS + "/" + chat + "/messages").asString()
                + org.api().as(org.ownerToken()).get("/api/v2/audit?limit=500").asString()
                + org.api().plain().get("/metrics").asString();
        assertFalse(everything.contains(TOKEN.substring(7)), "the header's value leaked into a response, the audit log or the metrics");
        assertFalse(serverLog().contains(TOKEN.substring(7)), "the header's value is in the server's log");
        assertTrue(metric("automations_agent_tool_calls_total", "outcome=\"ok\"") >= 1);
    }

    @Test
    void anOlderServerIsReachedOverSse() {
        Org org = org();
        String server = mcpServer(org, "legacy", sse.url());
        answerInTurn(org, toolCalls("add", "{\"a\":2,\"b\":3}"), completion("Five."));
        String chat = fire(org, toolAutomation(org, List.of(server), List.of()), "waiting");

        assertEquals("5.0", toolMessages(requests(org).get(1)).get(0).get("content").asText());
        assertEquals(1, sse.callsOf("add"));
        assertEquals(false, parts(messages(org, chat).get(2)).get(0).get("is_error"));
    }

    @Test
    void refusedUnknownFailingAndSlowToolsBecomeErrorsForTheModelAndTheTurnGoesOn() {
        Org org = org();
        String server = mcpServer(org, "ops", streamable.url());
        double timeoutsBefore = metric("automations_agent_tool_calls_total", "outcome=\"timeout\"");
        long addsBefore = streamable.callsOf("add");
        answerInTurn(org, toolCalls("add", "{\"a\":1,\"b\":1}", "rm_rf", "{}", "fail", "{}", "slow", "{}"), completion("Noted."));
        String chat = fire(org, toolAutomation(org, List.of(server), List.of("echo", "ops/fail", "slow")), "waiting");

        List<JsonNode> sent = requests(org);
        assertEquals(List.of("echo", "fail", "slow"), sent.get(0).get("tools").findValuesAsText("name").stream().sorted().toList(),
                "allowed_tools narrowed the offer");
        assertEquals(addsBefore, streamable.callsOf("add"), "a tool that is not allowed is never called");
        List<Map<String, Object>> messages = messages(org, chat);
        assertEquals(List.of("user", "assistant", "tool", "assistant"), messages.stream().map(m -> m.get("role")).toList());
        List<Map<String, Object>> results = parts(messages.get(2));
        assertEquals(4, results.size());
        results.forEach(r -> assertEquals(true, r.get("is_error"), r.toString()));
        assertEquals("the tool add is not allowed for this automation", results.get(0).get("output"));
        assertEquals("there is no tool rm_rf", results.get(1).get("output"));
        assertEquals("the deploy key was rejected", results.get(2).get("output"));
        assertTrue(((String) results.get(3).get("output")).contains("did not answer tools/call in time"), results.get(3).toString());
        assertEquals("[error] the deploy key was rejected", toolMessages(sent.get(1)).get(2).get("content").asText());
        assertEquals("Noted.", text(messages.get(3)));
        assertTrue(metric("automations_agent_tool_calls_total", "outcome=\"timeout\"") >= timeoutsBefore + 1);
    }

    @Test
    void aModelThatKeepsCallingToolsStopsAtTheRoundLimit() {
        Org org = org();
        String server = mcpServer(org, "loop", streamable.url());
        answerAlways(org, toolCalls("echo", "{\"text\":\"again\"}"));
        String chat = fire(org, toolAutomation(org, List.of(server), List.of()), "error");

        int rounds = ItSession.MAX_TOOL_ROUNDS;
        assertEquals("the model asked for tools again after the last of " + rounds + " tool rounds (automations.agent.max-tool-rounds)",
                chat(org, chat).get("last_error"));
        List<JsonNode> sent = requests(org);
        assertEquals(rounds + 1, sent.size());
        assertNull(sent.get(rounds).get("tools"), "the last request offers no tools");
        List<Map<String, Object>> messages = messages(org, chat);
        assertEquals(1 + 2 * (rounds + 1), messages.size());
        Map<String, Object> refused = parts(messages.get(messages.size() - 1)).get(0);
        assertEquals(true, refused.get("is_error"));
        assertEquals("no tool was called: this turn's limit of " + rounds + " tool rounds is reached", refused.get("output"));
    }

    @Test
    void aServerThatIsDownGivesTheModelAnErrorAndTheTurnGoesOn() throws IOException {
        Org org = org();
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String server = mcpServer(org, "down", "http://127.0.0.1:" + closed + "/mcp");
        answerInTurn(org, toolCalls("echo", "{\"text\":\"hello\"}"), completion("The tools are down."));
        String chat = fire(org, toolAutomation(org, List.of(server), List.of()), "waiting");

        assertNull(requests(org).get(0).get("tools"), "a server that is down offers no tools");
        Map<String, Object> result = parts(messages(org, chat).get(2)).get(0);
        assertEquals(true, result.get("is_error"));
        assertTrue(((String) result.get("output")).startsWith("there is no tool echo (some tools are missing: could not reach MCP server down"),
                (String) result.get("output"));
        assertEquals("The tools are down.", text(messages(org, chat).get(3)));
    }

    @Test
    void mcpServersAreManagedByOrganizationAdminsAndTheirHeadersNeverShown() {
        Org org = org();
        Api api = org.api();
        String server = mcpServer(org, "github", streamable.url());
        api.as(org.token()).get(SERVERS + "/" + server).then().statusCode(200).body("has_headers", equalTo(true))
                .body("url", equalTo(streamable.url())).body("enabled", equalTo(true)).body("$", not(hasKey("headers")));
        api.as(org.token()).get(SERVERS + "?organization_id=" + org.id()).then().statusCode(200).body("id", hasItem(server));

        for (Map<String, Object> bad : List.of(Map.<String, Object>of("name", "a/b"), Map.<String, Object>of("url", "ftp://x"),
                Map.<String, Object>of("url", "http://user:pw@x"), Map.<String, Object>of("headers", Map.of("Host", "x")),
                Map.<String, Object>of("headers", Map.of("X-Key", "a\nb")), Map.<String, Object>of("headers", List.of("x")))) {
            Map<String, Object> body = new HashMap<>(Map.of("organization_id", org.id(), "name", "bad", "url", streamable.url()));
            body.putAll(bad);
            api.as(org.token()).body(body).post(SERVERS).then().statusCode(400)
                    .body("validations.field", hasItem(bad.keySet().iterator().next()));
        }
        api.as(org.token()).body(Map.of("organization_id", org.id(), "name", "github", "url", streamable.url())).post(SERVERS).then()
                .statusCode(409);
        Api.User stranger = api.newUser(org.ownerToken());
        api.as(stranger.token()).get(SERVERS + "/" + server).then().statusCode(404);
        api.as(stranger.token()).delete(SERVERS + "/" + server).then().statusCode(404);

        Api.User member = api.newUser(org.ownerToken());
        String other = api.organization(org.ownerToken(), stranger, member);
        Map<String, Object> theirs = Map.of("organization_id", other, "name", "theirs", "url", streamable.url());
        api.as(member.token()).body(theirs).post(SERVERS).then().statusCode(403);
        String foreign = api.as(stranger.token()).body(theirs).post(SERVERS).then().statusCode(201).extract().path("id");
        api.as(member.token()).get(SERVERS + "/" + foreign).then().statusCode(200).body("has_headers", equalTo(false));
        api.as(member.token()).body(Map.of("enabled", false)).patch(SERVERS + "/" + foreign).then().statusCode(403);
        Map<String, Object> automation = new HashMap<>(Map.of("name", "Tools " + UUID.randomUUID().toString().substring(0, 6),
                "organization_id", org.id(), "mcp_server_ids", List.of(foreign)));
        api.as(org.token()).body(automation).post("/api/experimental/automations").then().statusCode(400)
                .body("validations.field", hasItem("mcp_server_ids")).body("validations.detail[0]", containsString(foreign));
        automation.put("mcp_server_ids", List.of(server));
        String id = api.as(org.token()).body(automation).post("/api/experimental/automations").then().statusCode(201).extract().path("id");

        api.as(org.token()).body(Map.of("enabled", false, "headers", Map.of())).patch(SERVERS + "/" + server).then().statusCode(200)
                .body("enabled", equalTo(false)).body("has_headers", equalTo(false));
        api.as(org.token()).body(Map.of("mcp_server_ids", List.of(server))).patch("/api/experimental/automations/" + id).then()
                .statusCode(400).body("validations.field", hasItem("mcp_server_ids"));
        api.as(org.token()).body(Map.of("name", "renamed")).patch("/api/experimental/automations/" + id).then().statusCode(200);

        String audit = api.as(org.ownerToken()).get("/api/v2/audit?resource_type=mcp_server&resource_id=" + server).then().statusCode(200)
                .body("findAll { it.diff.headers != null }.diff.headers.new", equalTo(List.of("[redacted]", "[redacted]")))
                .extract().asString();
        assertFalse(audit.contains(TOKEN.substring(7)), audit);
        api.as(org.token()).delete(SERVERS + "/" + server).then().statusCode(204);
        api.as(org.token()).get(SERVERS + "/" + server).then().statusCode(404);
    }
}
