package dev.automations.model.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/** Placeholder for the model-config feature's seam until it lands on main (branch modelconfigs); replaced by main's version. */
@ApplicationScoped
public class ModelEndpoints {

    public Optional<ModelEndpoint> resolve(UUID organizationId, UUID modelConfigId) {
        return Optional.empty();
    }
}
