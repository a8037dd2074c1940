package dev.automations.automation.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.automation.entity.Automation;
import dev.automations.automation.entity.AutomationStatus;
import dev.automations.mcp.control.McpServers;
import dev.automations.model.control.ModelConfigs;
import dev.automations.platform.control.ApiException;
import dev.automations.platform.control.Clock;
import dev.automations.platform.control.FieldError;
import dev.automations.platform.control.Page;
import dev.automations.platform.control.Patch;
import dev.automations.platform.control.UniqueWrites;
import dev.automations.platform.entity.WireName;
import dev.automations.security.control.Accounts;
import dev.automations.security.control.Caller;
import dev.automations.security.control.CurrentCaller;
import dev.automations.security.control.Organizations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Automations (§4). Access to an existing automation is decided by {@link OwnedAutomation}. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Automations {

    static final String RESOURCE = "automation";
    private static final String DUPLICATE = "You already have an automation with this name in this organization.";
    private static final String UNUSABLE_MODEL = "must name an enabled model config of the automation's organization";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    Organizations organizations;

    @Inject
    Accounts accounts;

    @Inject
    AuditLog audit;

    @Inject
    ModelConfigs modelConfigs;

    @Inject
    McpServers mcpServers;

    @Inject
    Event<StatusChanged> statusChanged;

    @Inject
    @ConfigProperty(name = "automations.max-per-owner", defaultValue = "100")
    int maxPerOwner;

    /** Filters of the list; {@code all} widens "my own" to everything §12 lets the caller read. */
    public record ListQuery(boolean all, String status, UUID organizationId) {
    }

    public AutomationView create(AutomationFields fields) {
        Caller me = caller.get();
        List<FieldError> missing = new ArrayList<>();
        if (fields.name() == null) {
            missing.add(new FieldError("name", "is required"));
        }
        if (fields.organizationId() == null) {
            missing.add(new FieldError("organization_id", "is required"));
        } else if (!organizations.isMember(fields.organizationId(), me.userId())) {
            missing.add(new FieldError("organization_id", "you are not a member of this organization"));
        } else {
            if (fields.modelConfigId() != null && !modelConfigs.isUsableIn(fields.organizationId(), fields.modelConfigId())) {
                missing.add(new FieldError("model_config_id", UNUSABLE_MODEL));
            }
            unusableMcpServers(fields.organizationId(), fields.mcpServerIds()).ifPresent(missing::add);
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", missing);
        }
        // Locking the owner serializes their creates across instances, so the cap cannot be overrun by a race.
        accounts.lock(me.userId());
        long owned = em.createQuery("SELECT COUNT(a) FROM Automation a WHERE a.ownerId = :owner", Long.class)
                .setParameter("owner", me.userId()).getSingleResult();
        if (owned >= maxPerOwner) {
            throw ApiException.conflict("You may own at most " + maxPerOwner + " automations.");
        }
        Automation automation = new Automation(me.userId(), fields.organizationId(), fields.name(), Clock.now());
        apply(automation, Patch.whole(fields));
        UniqueWrites.persist(em, DUPLICATE, automation);
        AutomationView view = AutomationView.of(automation);
        record(Audited.CREATE, automation, Diff.between(Map.of(), view.auditFields()), 201);
        return view;
    }

    public List<AutomationView> list(ListQuery query, Page page) {
        Caller me = caller.get();
        Optional<AutomationStatus> status = Optional.ofNullable(query.status()).flatMap(s -> WireName.find(AutomationStatus.class, s));
        if (query.status() != null && status.isEmpty()) {
            // No automation has a status that does not exist.
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("SELECT a FROM Automation a WHERE ");
        List<UUID> administered = List.of();
        if (!query.all()) {
            jpql.append("a.ownerId = :me");
        } else if (me.isSiteOwner()) {
            jpql.append("1 = 1");
        } else {
            administered = organizations.administeredBy(me.userId());
            jpql.append(administered.isEmpty() ? "a.ownerId = :me" : "(a.ownerId = :me OR a.organizationId IN :administered)");
        }
        if (status.isPresent()) {
            jpql.append(" AND a.status = :status");
        }
        if (query.organizationId() != null) {
            jpql.append(" AND a.organizationId = :organization");
        }
        jpql.append(" ORDER BY a.createdAt DESC, a.id DESC");
        TypedQuery<Automation> q = em.createQuery(jpql.toString(), Automation.class);
        if (jpql.indexOf(":me") >= 0) {
            q.setParameter("me", me.userId());
        }
        if (!administered.isEmpty()) {
            q.setParameter("administered", administered);
        }
        if (status.isPresent()) {
            q.setParameter("status", status.get());
        }
        if (query.organizationId() != null) {
            q.setParameter("organization", query.organizationId());
        }
        return q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultStream().map(AutomationView::of).toList();
    }

    @OwnedAutomation
    public AutomationView get(UUID automation) {
        return AutomationView.of(find(automation));
    }

    @OwnedAutomation
    public AutomationView update(UUID automation, Patch<AutomationFields> patch) {
        if (patch.has("organization_id")) {
            throw ApiException.invalidField("organization_id", "cannot be changed");
        }
        Automation found = find(automation);
        UUID model = patch.values().modelConfigId();
        if (patch.has("model_config_id") && model != null && !modelConfigs.isUsableIn(found.organizationId(), model)) {
            throw ApiException.invalidField("model_config_id", UNUSABLE_MODEL);
        }
        if (patch.has("mcp_server_ids")) {
            unusableMcpServers(found.organizationId(), patch.values().mcpServerIds()).ifPresent(error -> {
                throw ApiException.badRequest("Validation failed.", List.of(error));
            });
        }
        AutomationView before = AutomationView.of(found);
        AutomationStatus was = found.status();
        apply(found, patch);
        Instant now = Clock.now();
        found.touch(now);
        if (was != found.status()) {
            statusChanged.fire(new StatusChanged(found.id(), was, found.status(), now));
        }
        UniqueWrites.flush(em, DUPLICATE);
        AutomationView after = AutomationView.of(found);
        record(Audited.WRITE, found, Diff.between(before.auditFields(), after.auditFields()), 200);
        return after;
    }

    @OwnedAutomation
    public void delete(UUID automation) {
        Automation found = find(automation);
        em.remove(found);
        record(Audited.DELETE, found, Diff.between(AutomationView.of(found).auditFields(), Map.of()), 204);
    }

    Automation find(UUID automation) {
        return em.find(Automation.class, automation);
    }

    private static void apply(Automation automation, Patch<AutomationFields> patch) {
        AutomationFields f = patch.values();
        if (patch.hasValue("name", f.name())) {
            automation.rename(f.name());
        }
        if (patch.has("description")) {
            automation.describe(f.description());
        }
        if (patch.has("instructions")) {
            automation.instruct(f.instructions());
        }
        if (patch.has("model_config_id")) {
            automation.useModel(f.modelConfigId());
        }
        if (patch.has("mcp_server_ids")) {
            automation.useMcpServers(f.mcpServerIds() == null ? List.of() : f.mcpServerIds().stream().distinct().toList());
        }
        if (patch.has("allowed_tools")) {
            automation.allowTools(f.allowedTools() == null ? List.of() : f.allowedTools().stream().distinct().toList());
        }
        if (patch.hasValue("status", f.status())) {
            automation.changeStatus(WireName.find(AutomationStatus.class, f.status()).orElseThrow());
        }
        boolean creates = patch.hasValue("max_chat_creates_per_hour", f.maxChatCreatesPerHour());
        boolean messages = patch.hasValue("max_messages_per_hour", f.maxMessagesPerHour());
        if (creates || messages) {
            automation.limit(creates ? f.maxChatCreatesPerHour() : automation.maxChatCreatesPerHour(),
                    messages ? f.maxMessagesPerHour() : automation.maxMessagesPerHour());
        }
    }

    private void record(String action, Automation automation, Diff diff, int status) {
        audit.record(caller.get().userId(), new Audited(action, RESOURCE, automation.id(), automation.name(),
                automation.organizationId(), diff.build(), status));
    }

    /** §16: every id must name an enabled MCP server of the organization. */
    private Optional<FieldError> unusableMcpServers(UUID organization, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return Optional.empty();
        }
        Set<UUID> unusable = mcpServers.unusableIn(organization, ids);
        return unusable.isEmpty() ? Optional.empty() : Optional.of(new FieldError("mcp_server_ids",
                "must name enabled MCP servers of the automation's organization; these are not: "
                        + unusable.stream().map(UUID::toString).sorted().collect(Collectors.joining(", "))));
    }
}
