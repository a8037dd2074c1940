package dev.automations.event.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands committed pending events to {@link Firing} on another thread, so a delivery's 200 never waits for
 * the chat (§6 step 7). A crash between commit and firing leaves the event pending for the recovery sweep.
 */
@ApplicationScoped
public class FiringDispatcher {

    private static final Logger LOG = Logger.getLogger(FiringDispatcher.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    Firing firing;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded recorded) {
        executor.submit(() -> fire(recorded));
    }

    private void fire(EventRecorded recorded) {
        try {
            firing.fire(recorded.eventId());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Firing event " + recorded.eventId() + " failed; the recovery sweep will retry", e);
        }
    }
}
