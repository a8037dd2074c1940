package dev.automations.mcp.control;

import dev.automations.mcp.entity.McpServer;
import dev.automations.secret.control.SealedSecrets;
import dev.automations.secret.control.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** MCP servers' headers, for startup re-sealing. */
@ApplicationScoped
public class McpHeaderSecrets implements SealedSecrets<McpServer> {

    @PersistenceContext
    EntityManager em;

    @Override
    public String kind() {
        return "MCP server";
    }

    @Override
    public List<McpServer> sealedUnderOtherKeys(String primaryKeyId) {
        return em.createNamedQuery(McpServer.HEADERS_UNDER_OTHER_KEYS, McpServer.class).setParameter("primary", primaryKeyId)
                .getResultList();
    }

    @Override
    public Object id(McpServer server) {
        return server.id();
    }

    @Override
    public void reseal(McpServer server, SecretBox box) {
        server.useHeaders(box.rotate(server.headers()));
    }
}
