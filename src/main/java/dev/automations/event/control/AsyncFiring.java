package dev.automations.event.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires on the EJB asynchronous pool. An EJB rather than a {@code @Resource} executor: a CDI bean first created
 * on a timer thread got no executor injected, and pending events then waited for the recovery sweep.
 */
@Stateless
public class AsyncFiring {

    private static final Logger LOG = Logger.getLogger(AsyncFiring.class.getName());

    @Inject
    Firing firing;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void fire(UUID eventId) {
        try {
            firing.fire(eventId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Firing event " + eventId + " failed; the recovery sweep will retry", e);
        }
    }
}
