package dev.automations.event.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Between hops 1 and 2 of firing: hands committed pending events to firing on another thread, so a delivery's 200 (or a
 * cron tick) never waits for the chat (§6 step 7). They join their automation's lane; a lane nobody drains yet gets a
 * task. A crash between commit and firing leaves the event pending for the recovery sweep.
 */
@ApplicationScoped
public class FiringDispatcher {

    private static final Logger LOG = Logger.getLogger(FiringDispatcher.class.getName());

    @Inject
    FiringLanes lanes;

    @Inject
    AsyncFiring async;

    /** Runs after the recording transaction committed, outside it; nothing here is transactional. */
    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventRecorded recorded) {
        if (!lanes.add(recorded.automationId(), recorded.eventIds())) {
            return;
        }
        try {
            async.drain(recorded.automationId(), Firing.Saturation.OPEN);
        } catch (RuntimeException e) {
            lanes.abandon(recorded.automationId());
            LOG.log(Level.WARNING, "Could not hand events " + recorded.eventIds() + " to firing; the recovery sweep will", e);
        }
    }
}
