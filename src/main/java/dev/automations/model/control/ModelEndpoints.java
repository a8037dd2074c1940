package dev.automations.model.control;

import dev.automations.model.entity.ModelConfig;
import dev.automations.secret.control.Sealed;
import dev.automations.secret.control.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which model answers a chat (§15), for agent turns. Runs as the system, with no caller. It reads in the transaction
 * of whoever calls it (an EJB under container transactions) and begins none of its own.
 */
@ApplicationScoped
public class ModelEndpoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    /**
     * @param modelConfigId the chat's (or its automation's) model config, or null
     * @return that config if it exists, is enabled and belongs to {@code organizationId}; else the organization's
     * enabled default; else empty (no model is configured)
     * @throws dev.automations.secret.control.UnreadableSecretException if the chosen config's API key cannot be
     *                                                                  opened (its key is no longer configured)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ModelEndpoint> resolve(UUID organizationId, UUID modelConfigId) {
        Objects.requireNonNull(organizationId, "organizationId");
        Optional<ModelConfig> named = Optional.ofNullable(modelConfigId).map(id -> em.find(ModelConfig.class, id))
                .filter(config -> config.isEnabled() && config.organizationId().equals(organizationId));
        Optional<ModelConfig> chosen = named.isPresent() ? named
                : em.createNamedQuery(ModelConfig.DEFAULT_OF, ModelConfig.class).setParameter("organization", organizationId)
                .getResultStream().filter(ModelConfig::isEnabled).findFirst();
        return chosen.map(this::endpoint);
    }

    private ModelEndpoint endpoint(ModelConfig config) {
        Sealed key = config.apiKey();
        return new ModelEndpoint(config.id(), config.baseUrl(), config.model(), key == null ? null : box.open(key),
                config.maxOutputTokens(), config.temperature(), config.systemPrompt());
    }
}
