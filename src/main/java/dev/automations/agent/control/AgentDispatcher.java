package dev.automations.agent.control;

import dev.automations.chat.control.ChatAwaitsAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts turns: for a chat that became pending, once its transaction committed (a firing, a message posted through the
 * chats API, a retry), and for whatever the sweep finds due. Without a free slot nothing starts; the chat stays
 * pending for a worker that finishes or for the next sweep.
 */
@ApplicationScoped
public class AgentDispatcher {

    private static final Logger LOG = Logger.getLogger(AgentDispatcher.class.getName());

    @Inject
    TurnSlots slots;

    @Inject
    AgentWorker worker;

    @Inject
    Turns turns;

    @Inject
    AgentSettings settings;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChatAwaitsAgent pending) {
        start(pending.chatId());
    }

    /** Pending chats nobody started (their instance died, or had no slot), due retries, and turns whose lease ran out. */
    public void sweep() {
        if (!settings.enabled()) {
            return;
        }
        for (UUID chat : turns.due(settings.concurrency())) {
            if (!start(chat)) {
                return;
            }
        }
    }

    private boolean start(UUID chat) {
        if (!slots.take()) {
            return false;
        }
        try {
            worker.work(chat);
            return true;
        } catch (RuntimeException e) {
            slots.give();
            LOG.log(Level.WARNING, "Could not start a turn for chat " + chat + "; the sweep retries", e);
            return false;
        }
    }
}
