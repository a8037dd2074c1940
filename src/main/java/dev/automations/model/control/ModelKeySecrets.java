package dev.automations.model.control;

import dev.automations.model.entity.ModelConfig;
import dev.automations.secret.control.SealedSecrets;
import dev.automations.secret.control.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** Model configs' API keys, for startup re-sealing. */
@ApplicationScoped
public class ModelKeySecrets implements SealedSecrets<ModelConfig> {

    @PersistenceContext
    EntityManager em;

    @Override
    public String kind() {
        return "model config";
    }

    @Override
    public List<ModelConfig> sealedUnderOtherKeys(String primaryKeyId) {
        return em.createNamedQuery(ModelConfig.KEYS_UNDER_OTHER_KEYS, ModelConfig.class).setParameter("primary", primaryKeyId)
                .getResultList();
    }

    @Override
    public Object id(ModelConfig config) {
        return config.id();
    }

    @Override
    public void reseal(ModelConfig config, SecretBox box) {
        config.useApiKey(box.rotate(config.apiKey()));
    }
}
