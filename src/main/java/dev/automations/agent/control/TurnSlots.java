package dev.automations.agent.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Semaphore;

/** At most {@code automations.agent.concurrency} turns at once on this instance (§15 step 6); a chat finding none free stays pending. */
@ApplicationScoped
public class TurnSlots {

    @Inject
    AgentSettings settings;

    private Semaphore free;

    @PostConstruct
    void create() {
        free = new Semaphore(settings.concurrency());
    }

    boolean take() {
        return settings.enabled() && free.tryAcquire();
    }

    void give() {
        free.release();
    }
}
