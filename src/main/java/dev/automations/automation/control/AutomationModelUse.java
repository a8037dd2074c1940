package dev.automations.automation.control;

import dev.automations.model.control.ModelConfigUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/** Automations are what use model configs (§15): a config an automation names is not deleted under it. */
@ApplicationScoped
public class AutomationModelUse implements ModelConfigUsers {

    @PersistenceContext
    EntityManager em;

    @Override
    public boolean uses(UUID modelConfig) {
        return !em.createQuery("SELECT a.id FROM Automation a WHERE a.modelConfigId = :config", UUID.class)
                .setParameter("config", modelConfig).setMaxResults(1).getResultList().isEmpty();
    }
}
