package dev.automations.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

import java.nio.file.Files;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real MCP server on 127.0.0.1, built with the MCP Java SDK in an embedded Tomcat: Streamable HTTP at {@code /mcp},
 * or the older HTTP+SSE transport at {@code /sse}. Its tools: {@code echo} and {@code add}, which work; {@code fail},
 * which reports an error; {@code slow}, which answers only when the test lets it (after the service gave up on it).
 * It remembers every call and the {@code Authorization} header of every request.
 */
public final class McpTestServer implements AutoCloseable {

    public record Call(String tool, Map<String, Object> arguments) {
    }

    private static final JacksonMcpJsonMapper JSON = new JacksonMcpJsonMapper(new ObjectMapper());

    public final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    public final ConcurrentLinkedQueue<String> authorizations = new ConcurrentLinkedQueue<>();
    private final CountDownLatch slowMayAnswer = new CountDownLatch(1);
    private final Tomcat tomcat;
    private final McpSyncServer server;
    private final String path;

    private McpTestServer(boolean sse) {
        HttpServlet transport;
        if (sse) {
            var provider = HttpServletSseServerTransportProvider.builder().jsonMapper(JSON).sseEndpoint("/sse").messageEndpoint("/message").build();
            server = McpServer.sync(provider).serverInfo("it-tools", "1").capabilities(tools()).tools(specifications()).build();
            transport = provider;
            path = "/sse";
        } else {
            var provider = HttpServletStreamableServerTransportProvider.builder().jsonMapper(JSON).mcpEndpoint("/mcp").build();
            server = McpServer.sync(provider).serverInfo("it-tools", "1").capabilities(tools()).tools(specifications()).build();
            transport = provider;
            path = "/mcp";
        }
        tomcat = tomcat(transport, (request, response, chain) -> {
            String authorization = ((HttpServletRequest) request).getHeader("Authorization");
            if (authorization != null) {
                authorizations.add(authorization);
            }
            chain.doFilter(request, response);
        });
    }

    public static McpTestServer streamableHttp() {
        return new McpTestServer(false);
    }

    public static McpTestServer sse() {
        return new McpTestServer(true);
    }

    public String url() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path;
    }

    public long callsOf(String tool) {
        return calls.stream().filter(c -> c.tool().equals(tool)).count();
    }

    private static McpSchema.ServerCapabilities tools() {
        return McpSchema.ServerCapabilities.builder().tools(true).build();
    }

    private List<SyncToolSpecification> specifications() {
        return List.of(
                tool("echo", "Repeats the text.", Map.of("text", Map.of("type", "string")), List.of("text"),
                        args -> ok("echo: " + args.get("text"))),
                tool("add", "Adds two numbers.", Map.of("a", Map.of("type", "number"), "b", Map.of("type", "number")), List.of("a", "b"),
                        args -> ok(String.valueOf(((Number) args.get("a")).doubleValue() + ((Number) args.get("b")).doubleValue()))),
                tool("fail", "Always fails.", Map.of(), List.of(),
                        args -> McpSchema.CallToolResult.builder().addTextContent("the deploy key was rejected").isError(true).build()),
                tool("slow", "Answers late.", Map.of(), List.of(), args -> {
                    try {
                        slowMayAnswer.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ok("too late");
                }));
    }

    private SyncToolSpecification tool(String name, String description, Map<String, Object> properties, List<String> required,
                                       java.util.function.Function<Map<String, Object>, McpSchema.CallToolResult> handler) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(Map.of("type", "object", "properties", properties, "required", required)).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
            calls.add(new Call(name, arguments));
            return handler.apply(arguments);
        }).build();
    }

    private static McpSchema.CallToolResult ok(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).build();
    }

    private static Tomcat tomcat(HttpServlet transport, Filter recorder) {
        Tomcat tomcat = new Tomcat();
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        try {
            tomcat.setBaseDir(Files.createTempDirectory("mcp-it").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Wrapper wrapper = Tomcat.addServlet(context, "mcp", transport);
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "mcp");
        FilterDef filter = new FilterDef();
        filter.setFilterName("recorder");
        filter.setFilter(recorder);
        filter.setAsyncSupported("true");
        context.addFilterDef(filter);
        FilterMap map = new FilterMap();
        map.setFilterName("recorder");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        try {
            tomcat.start();
        } catch (LifecycleException e) {
            throw new IllegalStateException("The MCP test server did not start", e);
        }
        return tomcat;
    }

    @Override
    public void close() {
        slowMayAnswer.countDown();
        server.close();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException(e);
        }
    }
}
