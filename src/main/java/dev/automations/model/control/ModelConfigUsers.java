package dev.automations.model.control;

import java.util.UUID;

/**
 * What uses model configs, asked before one is deleted. Implemented by the features above this one (automations),
 * so that this feature needs none of them.
 */
public interface ModelConfigUsers {

    /** Whether anything still names {@code modelConfig}; called under that config's row lock. */
    boolean uses(UUID modelConfig);
}
