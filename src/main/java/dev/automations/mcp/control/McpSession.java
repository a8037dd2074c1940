package dev.automations.mcp.control;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.automations.platform.control.AccessUrl;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One connection to an MCP server, for the length of a turn, through the MCP Java SDK, over the transport the server
 * speaks ({@link #probe}). Every request ends within the timeout. A turn uses its sessions one call at a time.
 */
final class McpSession implements AutoCloseable {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final JacksonMcpJsonMapper MAPPER = new JacksonMcpJsonMapper(JACKSON);
    private static final DefaultJsonSchemaValidator VALIDATOR = new DefaultJsonSchemaValidator(JACKSON);
    private static final int MAX_OUTPUT = 64 * 1024;
    private static final int MAX_EXCERPT = 300;
    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final McpEndpoint endpoint;
    private final McpSyncClient client;

    private McpSession(McpEndpoint endpoint, McpSyncClient client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    /** The two HTTP transports of MCP: Streamable HTTP (2025-03-26 on) and the older HTTP+SSE (2024-11-05). */
    enum Transport { STREAMABLE_HTTP, SSE }

    /**
     * Which transport the server speaks, the way the specification's backwards compatibility tells: a POST of an
     * initialize request that is refused with a 4xx means an older server, reached over HTTP+SSE. The SDK's Streamable
     * HTTP client reports such a refusal only when its request times out, so the service asks itself, once per server
     * (the answer is cached with its tool listing), and ends the session the probe may have opened.
     */
    static Transport probe(McpEndpoint endpoint, Duration timeout) throws McpFailure {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + ProtocolVersions.MCP_2025_06_18 + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"automations\",\"version\":\""
                + AccessUrl.VERSION + "\"}}}";
        HttpRequest.Builder post = requests(endpoint).uri(URI.create(endpoint.url())).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(initialize));
        HttpResponse<Void> answer;
        try {
            answer = PROBE.send(post.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw failure(endpoint, e, "initialize");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new McpFailure(McpFailure.Kind.UNREACHABLE, "interrupted while connecting to MCP server " + endpoint.name());
        }
        int status = answer.statusCode();
        if (status / 100 == 4 && status != 401 && status != 403) {
            return Transport.SSE;
        }
        answer.headers().firstValue("Mcp-Session-Id").ifPresent(session -> PROBE.sendAsync(requests(endpoint)
                .uri(URI.create(endpoint.url())).timeout(timeout).header("Mcp-Session-Id", session).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()));
        return Transport.STREAMABLE_HTTP;
    }

    static McpSession open(McpEndpoint endpoint, Transport transport, Duration timeout) throws McpFailure {
        URI url = URI.create(endpoint.url());
        String origin = url.getScheme() + "://" + url.getRawAuthority();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return connect(endpoint, timeout, transport == Transport.SSE
                ? HttpClientSseClientTransport.builder(origin).sseEndpoint(path).requestBuilder(requests(endpoint)).connectTimeout(timeout)
                .jsonMapper(MAPPER).build()
                : HttpClientStreamableHttpTransport.builder(origin).endpoint(path).requestBuilder(requests(endpoint))
                .connectTimeout(timeout).jsonMapper(MAPPER).build());
    }

    private static HttpRequest.Builder requests(McpEndpoint endpoint) {
        HttpRequest.Builder builder = HttpRequest.newBuilder();
        endpoint.headers().forEach(builder::header);
        return builder;
    }

    private static McpSession connect(McpEndpoint endpoint, Duration timeout, McpClientTransport transport)
            throws McpFailure {
        McpSyncClient client = McpClient.sync(transport).requestTimeout(timeout).initializationTimeout(timeout)
                .clientInfo(new McpSchema.Implementation("automations", AccessUrl.VERSION)).jsonSchemaValidator(VALIDATOR).build();
        McpSession session = new McpSession(endpoint, client);
        try {
            session.request(c -> c.initialize(), "initialize");
            return session;
        } catch (McpFailure e) {
            session.close();
            throw e;
        }
    }

    /** Every tool the server lists, page after page. */
    List<McpTool> listTools() throws McpFailure {
        List<McpTool> tools = new ArrayList<>();
        String cursor = null;
        do {
            String page = cursor;
            McpSchema.ListToolsResult listed = request(c -> page == null ? c.listTools() : c.listTools(page), "tools/list");
            for (McpSchema.Tool tool : listed.tools()) {
                tools.add(new McpTool(tool.name(), tool.description(), tool.inputSchema()));
            }
            cursor = listed.nextCursor();
        } while (cursor != null && !cursor.isEmpty());
        return tools;
    }

    /**
     * @param arguments the arguments as a JSON object's text
     * @throws McpFailure when the server gave no result; a result the tool marked as an error is returned as such
     */
    McpResult call(String tool, String arguments) throws McpFailure {
        Map<String, Object> parsed;
        try {
            parsed = JACKSON.readValue(arguments, new TypeReference<>() { });
        } catch (IOException e) {
            throw new McpFailure(McpFailure.Kind.FAILED, "the arguments are not a JSON object");
        }
        McpSchema.CallToolResult result = request(c -> c.callTool(new McpSchema.CallToolRequest(tool, parsed, null)), "tools/call");
        return new McpResult(output(result), Boolean.TRUE.equals(result.isError()));
    }

    private <T> T request(Function<McpSyncClient, T> request, String what) throws McpFailure {
        try {
            return request.apply(client);
        } catch (RuntimeException e) {
            throw failure(endpoint, e, what);
        }
    }

    private static McpFailure failure(McpEndpoint endpoint, Exception e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException)) {
                return new McpFailure(McpFailure.Kind.TIMEOUT, "MCP server " + endpoint.name() + " did not answer " + what + " in time");
            }
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException || t instanceof HttpConnectTimeoutException) {
                return new McpFailure(McpFailure.Kind.UNREACHABLE, "could not reach MCP server " + endpoint.name() + ": "
                        + excerpt(endpoint, t.toString()));
            }
        }
        return new McpFailure(McpFailure.Kind.FAILED, "MCP server " + endpoint.name() + " failed " + what + ": "
                + excerpt(endpoint, e.getMessage()));
    }

    /** The result's content as text for the model: text parts as they are, other parts described by their type. */
    private static String output(McpSchema.CallToolResult result) {
        StringBuilder out = new StringBuilder();
        for (McpSchema.Content content : result.content()) {
            out.append(out.isEmpty() ? "" : "\n");
            if (content instanceof McpSchema.TextContent text) {
                out.append(text.text());
            } else if (content instanceof McpSchema.EmbeddedResource resource
                    && resource.resource() instanceof McpSchema.TextResourceContents text) {
                out.append(text.text());
            } else {
                out.append("[").append(content.type()).append(" content]");
            }
        }
        if (out.isEmpty() && result.structuredContent() != null) {
            out.append(json(result.structuredContent()));
        }
        return out.length() > MAX_OUTPUT ? out.substring(0, MAX_OUTPUT) + "\n[output cut at " + MAX_OUTPUT + " characters]" : out.toString();
    }

    private static String json(Object value) {
        try {
            return JACKSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String excerpt(McpEndpoint endpoint, String text) {
        if (text == null) {
            return "(no detail)";
        }
        String clean = text.replaceAll("\\s+", " ").strip();
        for (String secret : endpoint.headers().values()) {
            if (!secret.isEmpty()) {
                clean = clean.replace(secret, "[redacted]");
            }
        }
        return clean.length() > MAX_EXCERPT ? clean.substring(0, MAX_EXCERPT) + "…" : clean;
    }

    @Override
    public void close() {
        client.close();
    }
}
