package dev.automations.mcp.control;

import dev.automations.mcp.entity.McpServer;
import dev.automations.secret.control.Sealed;
import dev.automations.secret.control.SecretBox;
import dev.automations.secret.control.UnreadableSecretException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Which MCP servers a turn may use (§16), as the system, with no caller. Reads in the transaction of whoever calls it
 * (an EJB under container transactions) and begins none of its own.
 */
@ApplicationScoped
public class McpEndpoints {

    private static final Logger LOG = Logger.getLogger(McpEndpoints.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    /**
     * @return those of {@code ids} that are enabled servers of {@code organizationId}, by name; servers deleted or
     * disabled since the automation named them are left out
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<McpEndpoint> resolve(UUID organizationId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(McpServer.USABLE, McpServer.class).setParameter("organization", organizationId)
                .setParameter("ids", ids).getResultStream().sorted(Comparator.comparing(McpServer::name)).map(this::endpoint)
                .flatMap(Optional::stream).toList();
    }

    /** A server whose headers cannot be opened is left out, rather than called without them. */
    private Optional<McpEndpoint> endpoint(McpServer server) {
        Sealed headers = server.headers();
        try {
            return Optional.of(new McpEndpoint(server.id(), server.name(), server.url(),
                    headers == null ? Map.of() : Headers.fromJson(box.open(headers)), server.updatedAt()));
        } catch (UnreadableSecretException e) {
            LOG.warning(() -> "MCP server " + server.id() + " is left out of turns: the secret key that sealed its headers is no"
                    + " longer configured; set its headers anew");
            return Optional.empty();
        }
    }
}
