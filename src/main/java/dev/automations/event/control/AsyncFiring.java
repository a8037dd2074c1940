package dev.automations.event.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hop 2 of firing: moves it onto the EJB asynchronous pool. An EJB rather than a {@code @Resource} executor: a CDI
 * bean first created on a timer thread got no executor injected. It holds no transaction of its own: {@link Firing}
 * demarcates its own with the EJB container's {@code REQUIRES_NEW}, the only demarcation that measured real on
 * Payara under async and timer threads (CDI {@code @Transactional} there let the row lock go at once).
 */
@Stateless
public class AsyncFiring {

    private static final Logger LOG = Logger.getLogger(AsyncFiring.class.getName());

    @Inject
    Firing firing;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void fire(UUID automationId, List<UUID> eventIds) {
        try {
            firing.fire(automationId, eventIds);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Firing events " + eventIds + " failed; the recovery sweep will retry each", e);
        }
    }
}
