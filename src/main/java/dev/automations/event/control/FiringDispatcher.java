package dev.automations.event.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Between hops 1 and 2 of firing: hands committed pending events to firing on another thread, so a delivery's 200 (or a cron tick) never waits for
 * the chat (§6 step 7). A crash between commit and firing leaves the event pending for the recovery sweep.
 */
@ApplicationScoped
public class FiringDispatcher {

    @Inject
    AsyncFiring async;

    /** Runs after the recording transaction committed, outside it; nothing here is transactional. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded recorded) {
        async.fire(recorded.automationId(), recorded.eventIds());
    }
}
