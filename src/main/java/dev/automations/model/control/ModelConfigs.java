package dev.automations.model.control;

import dev.automations.audit.control.AuditLog;
import dev.automations.audit.control.Audited;
import dev.automations.audit.control.Diff;
import dev.automations.model.entity.ModelConfig;
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
import dev.automations.security.control.Organizations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Model configs (§15). Members of the organization read them; its admins and site owners change them (others: 403);
 * to anyone else they do not exist (404).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ModelConfigs {

    private static final OrganizationShared.Queries QUERIES = new OrganizationShared.Queries(ModelConfig.OF_ORGANIZATION,
            ModelConfig.OF_ORGANIZATIONS, ModelConfig.ALL);
    private static final String WHAT = "model configs";
    static final String RESOURCE = "model_config";
    private static final String DUPLICATE = "This organization already has a model config with this name.";
    private static final String IN_USE = "Automations use this model config. Point them at another one, or clear their "
            + "model_config_id, first.";

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    OrganizationShared shared;

    @Inject
    Instance<ModelConfigUsers> users;

    @Inject
    AgentResources agentResources;

    @Inject
    Organizations organizations;

    @Inject
    AuditLog audit;

    @Inject
    SecretBox box;

    public ModelConfigView create(ModelConfigFields fields) {
        List<FieldError> errors = new ArrayList<>();
        UUID organization = fields.organizationId();
        shared.checkOrganization(organization, errors);
        if (fields.name() == null) {
            errors.add(new FieldError("name", "is required"));
        }
        String baseUrl = baseUrl(fields.baseUrl(), errors);
        if (fields.model() == null) {
            errors.add(new FieldError("model", "is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        shared.requireAdmin(organization, WHAT);
        Instant now = Clock.now();
        ModelConfig config = new ModelConfig(organization, fields.name(), baseUrl, fields.model(), now);
        apply(config, Patch.whole(fields), now);
        UniqueWrites.persist(em, DUPLICATE, config);
        ModelConfigView view = ModelConfigView.of(config);
        Diff diff = Diff.between(Map.of(), view.auditFields());
        if (fields.apiKey() != null) {
            diff.secret("api_key");
        }
        record(Audited.CREATE, config, diff, 201);
        return view;
    }

    /**
     * Without an organization: the configs of every organization the caller belongs to (all of them for a site owner).
     * An organization the caller cannot read lists nothing, as if it had no configs.
     */
    public List<ModelConfigView> list(UUID organization, Page page) {
        return shared.list(ModelConfig.class, QUERIES, organization, page).stream().map(ModelConfigView::of).toList();
    }

    public ModelConfigView get(UUID id) {
        return ModelConfigView.of(readable(id));
    }

    public ModelConfigView update(UUID id, Patch<ModelConfigFields> patch) {
        if (patch.has("organization_id")) {
            throw ApiException.invalidField("organization_id", "cannot be changed");
        }
        ModelConfig config = writable(id);
        ModelConfigView before = ModelConfigView.of(config);
        Instant now = Clock.now();
        apply(config, patch, now);
        config.touch(now);
        UniqueWrites.flush(em, DUPLICATE);
        ModelConfigView after = ModelConfigView.of(config);
        Diff diff = Diff.between(before.auditFields(), after.auditFields());
        if (patch.has("api_key") && (before.hasApiKey() || after.hasApiKey())) {
            diff.secret("api_key");
        }
        record(Audited.WRITE, config, diff, 200);
        return after;
    }

    /**
     * A config that automations use stays (409): deleting it would silently move them to another model. The row lock
     * makes the check exact against an automation write naming the config at the same moment ({@link #isUsableIn}).
     */
    public void delete(UUID id) {
        ModelConfig config = writable(id);
        em.lock(config, LockModeType.PESSIMISTIC_WRITE);
        if (users.stream().anyMatch(user -> user.uses(config.id()))) {
            throw ApiException.conflict(IN_USE);
        }
        ModelConfigView before = ModelConfigView.of(config);
        em.remove(config);
        record(Audited.DELETE, config, Diff.between(before.auditFields(), Map.of()), 204);
    }

    /**
     * Whether an automation of {@code organization} may use this config (§15): it exists there and is enabled. Holds
     * the config's row lock to the caller's commit, so a delete cannot pass between this check and the write. A config
     * that is not local ({@link AgentResources}) is Coder's to check.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean isUsableIn(UUID organization, UUID modelConfig) {
        if (!agentResources.areLocal()) {
            return true;
        }
        ModelConfig config = em.find(ModelConfig.class, modelConfig, LockModeType.PESSIMISTIC_WRITE);
        return config != null && config.isEnabled() && config.organizationId().equals(organization);
    }

    private void apply(ModelConfig config, Patch<ModelConfigFields> patch, Instant now) {
        ModelConfigFields f = patch.values();
        List<FieldError> errors = new ArrayList<>();
        String baseUrl = patch.has("base_url") ? baseUrl(f.baseUrl(), errors) : config.baseUrl();
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Validation failed.", errors);
        }
        if (patch.hasValue("name", f.name())) {
            config.rename(f.name());
        }
        if (patch.hasValue("provider", f.provider())) {
            config.useProvider(f.provider());
        }
        config.pointAt(baseUrl, patch.hasValue("model", f.model()) ? f.model() : config.model());
        if (patch.has("api_key")) {
            config.useApiKey(f.apiKey() == null ? null : box.seal(f.apiKey()));
        }
        if (patch.has("max_output_tokens")) {
            config.limitOutput(f.maxOutputTokens());
        }
        if (patch.has("temperature")) {
            config.useTemperature(f.temperature());
        }
        if (patch.has("system_prompt")) {
            config.instruct(f.systemPrompt());
        }
        if (patch.hasValue("enabled", f.enabled())) {
            config.enable(f.enabled());
        }
        if (patch.hasValue("is_default", f.isDefault()) && f.isDefault() != config.isDefault()) {
            if (f.isDefault()) {
                demoteDefault(config, now);
            }
            config.makeDefault(f.isDefault());
        }
    }

    /**
     * Locking the organization serializes default switches across instances, so the previous default is cleared
     * (and written, before the new one claims the unique {@code default_for}) without a race.
     */
    private void demoteDefault(ModelConfig config, Instant now) {
        organizations.lock(config.organizationId());
        for (ModelConfig previous : em.createNamedQuery(ModelConfig.DEFAULT_OF, ModelConfig.class)
                .setParameter("organization", config.organizationId()).getResultList()) {
            previous.makeDefault(false);
            previous.touch(now);
            record(Audited.WRITE, previous, Diff.of().change("is_default", true, false), 200);
        }
        UniqueWrites.flush(em, DUPLICATE);
    }

    private static String baseUrl(String text, List<FieldError> errors) {
        try {
            return HttpUrl.normalize(text, "api_key");
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("base_url", e.getMessage()));
            return null;
        }
    }

    private ModelConfig readable(UUID id) {
        return shared.readable(ModelConfig.class, id, ModelConfig::organizationId);
    }

    private ModelConfig writable(UUID id) {
        return shared.writable(ModelConfig.class, id, ModelConfig::organizationId, WHAT);
    }

    private void record(String action, ModelConfig config, Diff diff, int status) {
        audit.record(caller.get().userId(), new Audited(action, RESOURCE, config.id(), config.name(), config.organizationId(),
                diff.build(), status));
    }
}
