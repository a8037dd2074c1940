package dev.automations.mcp.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MCP client side of agent turns (§16), as the system. What each server lists is cached per server for a short
 * while, and forgotten as soon as the server is changed, so a turn seldom pays for a listing; calls always go to the
 * server. Outside any transaction: nothing here touches the database.
 */
@ApplicationScoped
public class McpClients {

    private record Listed(Instant serverUpdatedAt, Instant until, List<McpTool> tools) {
    }

    private record Spoken(Instant serverUpdatedAt, McpSession.Transport transport) {
    }

    private final Map<UUID, Listed> listings = new ConcurrentHashMap<>();
    /** Which transport each server speaks, until it is changed. */
    private final Map<UUID, Spoken> transports = new ConcurrentHashMap<>();

    /** The connections of one turn; closing them ends every session it opened. */
    public Connections connect(Duration timeout, Duration listingLifetime) {
        return new Connections(timeout, listingLifetime);
    }

    public final class Connections implements AutoCloseable {

        private final Duration timeout;
        private final Duration listingLifetime;
        private final Map<UUID, McpSession> sessions = new ConcurrentHashMap<>();

        private Connections(Duration timeout, Duration listingLifetime) {
            this.timeout = timeout;
            this.listingLifetime = listingLifetime;
        }

        public List<McpTool> tools(McpEndpoint server) throws McpFailure {
            Instant now = Instant.now();
            Listed listed = listings.get(server.id());
            if (listed != null && listed.serverUpdatedAt().equals(server.updatedAt()) && now.isBefore(listed.until())) {
                return listed.tools();
            }
            List<McpTool> tools = session(server).listTools();
            listings.put(server.id(), new Listed(server.updatedAt(), now.plus(listingLifetime), List.copyOf(tools)));
            return tools;
        }

        /** @param arguments the arguments as a JSON object's text */
        public McpResult call(McpEndpoint server, String tool, String arguments) throws McpFailure {
            return session(server).call(tool, arguments);
        }

        private McpSession session(McpEndpoint server) throws McpFailure {
            McpSession open = sessions.get(server.id());
            if (open == null) {
                Spoken spoken = transports.get(server.id());
                if (spoken == null || !spoken.serverUpdatedAt().equals(server.updatedAt())) {
                    spoken = new Spoken(server.updatedAt(), McpSession.probe(server, timeout));
                    transports.put(server.id(), spoken);
                }
                open = McpSession.open(server, spoken.transport(), timeout);
                sessions.put(server.id(), open);
            }
            return open;
        }

        @Override
        public void close() {
            sessions.values().forEach(McpSession::close);
            sessions.clear();
        }
    }
}
