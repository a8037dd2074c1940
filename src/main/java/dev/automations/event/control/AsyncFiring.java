package dev.automations.event.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires on the EJB asynchronous pool. An EJB rather than a {@code @Resource} executor: a CDI bean first created on
 * a timer thread got no executor injected. Not under NOT_SUPPORTED: there, {@code Firing}'s {@code @Transactional}
 * got no real transaction on Payara, its row lock was released at once, and ChatsIT counted 12 chats created
 * against a limit of 5.
 */
@Stateless
public class AsyncFiring {

    private static final Logger LOG = Logger.getLogger(AsyncFiring.class.getName());

    @Inject
    Firing firing;

    @Asynchronous
    public void fire(UUID automationId, List<UUID> eventIds) {
        try {
            firing.fire(automationId, eventIds);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Firing events " + eventIds + " failed; the recovery sweep will retry each", e);
        }
    }
}
