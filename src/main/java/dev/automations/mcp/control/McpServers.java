package dev.automations.mcp.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.mcp.entity.McpServer;
import dev.automations.platform.control.AgentResources;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.FieldError;
import dev.automations.platform.control.HttpUrl;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.Patch;
import dev.automations.platform.control.UniqueWrites;
import dev.automations.secret.control.SecretBox;
import dev.automations.security.control.CurrentCaller;
import dev.automations.security.control.OrganizationShared;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * MCP servers (§16), with the permissions of model configs: members of the organization read them; its admins and
 * site owners change them (others: 403); to anyone else they do not exist (404). Deleting or disabling a server that
 * automations name is allowed: turns skip it from then on.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class McpServers {

    private static final OrganizationShared.Queries QUERIES = new OrganizationShared.Queries(McpServer.OF_ORGANIZATION,
            McpServer.OF_ORGANIZATIONS, McpServer.ALL);
    private static final String WHAT = "MCP servers";
    static final String RESOURCE = "mcp_server";
    private static final String DUPLICATE = "This organization already has an MCP server with this name.";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    OrganizationShared shared;


    @Inject
    AuditLog audit;

    @Inject
    SecretBox box;

    @Inject
    AgentResources agentResources;

    public McpServerView create(McpServerFields fields) {
        List<FieldError> errors = new ArrayList<>();
        UUID organization = fields.organizationId();
        shared.checkOrganization(organization, errors);
        if (fields.name() == null) {
            errors.add(new FieldError("name", "is required"));
        }
        String url = url(fields.url(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        shared.requireAdmin(organization, WHAT);
        Instant now = Clock.now();
        McpServer server = new McpServer(organization, fields.name(), url, now);
        apply(server, Patch.whole(fields));
        UniqueWrites.persist(em, DUPLICATE, server);
        McpServerView view = McpServerView.of(server);
        Diff diff = Diff.between(Map.of(), view.auditFields());
        if (fields.headers() != null) {
            diff.secret("headers");
        }
        record(Audited.CREATE, server, diff, 201);
        return view;
    }

    /**
     * Without an organization: the servers of every organization the caller belongs to (all of them for a site owner).
     * An organization the caller cannot read lists nothing, as if it had no servers.
     */
    public List<McpServerView> list(UUID organization, Page page) {
        return shared.list(McpServer.class, QUERIES, organization, page).stream().map(McpServerView::of).toList();
    }

    public McpServerView get(UUID id) {
        return McpServerView.of(readable(id));
    }

    public McpServerView update(UUID id, Patch<McpServerFields> patch) {
        if (patch.has("organization_id")) {
            throw ApiException.invalidField("organization_id", "cannot be changed");
        }
        McpServer server = writable(id);
        McpServerView before = McpServerView.of(server);
        apply(server, patch);
        server.touch(Clock.now());
        UniqueWrites.flush(em, DUPLICATE);
        McpServerView after = McpServerView.of(server);
        Diff diff = Diff.between(before.auditFields(), after.auditFields());
        if (patch.has("headers")) {
            diff.secret("headers");
        }
        record(Audited.WRITE, server, diff, 200);
        return after;
    }

    public void delete(UUID id) {
        McpServer server = writable(id);
        em.remove(server);
        record(Audited.DELETE, server, Diff.between(McpServerView.of(server).auditFields(), Map.of()), 204);
    }

    /**
     * For automations (§16): which of {@code ids} are not enabled MCP servers of {@code organization}. Joins the
     * caller's transaction. Servers that are not local ({@link AgentResources}) are Coder's to check.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> unusableIn(UUID organization, Collection<UUID> ids) {
        if (!agentResources.areLocal()) {
            return Set.of();
        }
        Set<UUID> unusable = new HashSet<>(ids);
        if (!ids.isEmpty()) {
            em.createNamedQuery(McpServer.USABLE, McpServer.class).setParameter("organization", organization)
                    .setParameter("ids", List.copyOf(ids)).getResultStream().forEach(server -> unusable.remove(server.id()));
        }
        return unusable;
    }

    private void apply(McpServer server, Patch<McpServerFields> patch) {
        McpServerFields f = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String url = patch.has("url") ? url(f.url(), errors) : server.url();
        Map<String, String> headers = null;
        if (f.headers() != null) {
            try {
                headers = Headers.check(f.headers());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("headers", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        if (patch.hasValue("name", f.name())) {
            server.rename(f.name());
        }
        server.pointAt(url);
        if (patch.has("headers")) {
            server.useHeaders(headers == null || headers.isEmpty() ? null : box.seal(Headers.toJson(headers)));
        }
        if (patch.hasValue("enabled", f.enabled())) {
            server.enable(f.enabled());
        }
    }

    private static String url(String text, List<FieldError> errors) {
        try {
            return HttpUrl.normalize(text, "headers");
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", e.getMessage()));
            return null;
        }
    }

    private McpServer readable(UUID id) {
        return shared.readable(McpServer.class, id, McpServer::organizationId);
    }

    private McpServer writable(UUID id) {
        return shared.writable(McpServer.class, id, McpServer::organizationId, WHAT);
    }

    private void record(String action, McpServer server, Diff diff, int status) {
        audit.record(caller.get().userId(), new Audited(action, RESOURCE, server.id(), server.name(), server.organizationId(),
                diff.build(), status));
    }
}
