package dev.automations.mcp.control;

import dev.automations.it.McpTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MCP client against real MCP servers of the SDK on 127.0.0.1, over both transports. */
class McpSessionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    static McpTestServer streamable;
    static McpTestServer sse;

    @BeforeAll
    static void start() {
        streamable = McpTestServer.streamableHttp();
        sse = McpTestServer.sse();
    }

    @AfterAll
    static void stop() {
        streamable.close();
        sse.close();
    }

    static McpEndpoint endpoint(String url) {
        return new McpEndpoint(UUID.randomUUID(), "tools", url, Map.of("Authorization", "Bearer s3cret"), Instant.now());
    }

    static McpSession open(McpEndpoint endpoint) throws McpFailure {
        return McpSession.open(endpoint, McpSession.probe(endpoint, TIMEOUT), TIMEOUT);
    }

    @Test
    void listsAndCallsToolsOverStreamableHttp() throws McpFailure {
        try (McpSession session = open(endpoint(streamable.url()))) {
            List<String> names = session.listTools().stream().map(McpTool::name).sorted().toList();
            assertEquals(List.of("add", "echo", "fail", "slow"), names);
            assertEquals(new McpResult("echo: hi", false), session.call("echo", "{\"text\":\"hi\"}"));
            assertEquals(new McpResult("the deploy key was rejected", true), session.call("fail", "{}"));
        }
        assertTrue(streamable.authorizations.contains("Bearer s3cret"));
    }

    @Test
    void reachesAnOlderServerOverSse() throws McpFailure {
        assertEquals(McpSession.Transport.SSE, McpSession.probe(endpoint(sse.url()), TIMEOUT));
        assertEquals(McpSession.Transport.STREAMABLE_HTTP, McpSession.probe(endpoint(streamable.url()), TIMEOUT));
        try (McpSession session = open(endpoint(sse.url()))) {
            assertEquals(new McpResult("5.0", false), session.call("add", "{\"a\":2,\"b\":3}"));
        }
    }

    @Test
    void aSlowToolTimesOutAndADownServerIsUnreachable() throws McpFailure, IOException {
        try (McpSession session = open(endpoint(streamable.url()))) {
            assertEquals(McpFailure.Kind.TIMEOUT, assertThrows(McpFailure.class, () -> session.call("slow", "{}")).kind());
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        McpFailure down = assertThrows(McpFailure.class, () -> open(endpoint("http://127.0.0.1:" + closed + "/mcp")));
        assertEquals(McpFailure.Kind.UNREACHABLE, down.kind());
        assertFalse(down.getMessage().contains("s3cret"));
    }
}
