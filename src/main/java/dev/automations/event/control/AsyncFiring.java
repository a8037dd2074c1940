package dev.automations.event.control;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hop 2 of firing: drains an automation's lane on the EJB asynchronous pool. An EJB rather than a {@code @Resource}
 * executor: a CDI bean first created on a timer thread got no executor injected. It holds no transaction of its own:
 * {@link Firing} demarcates its own with the EJB container's {@code REQUIRES_NEW}, the only demarcation that measured
 * real on Payara under async and timer threads (CDI {@code @Transactional} there let the row lock go at once).
 */
@Stateless
public class AsyncFiring {

    private static final Logger LOG = Logger.getLogger(AsyncFiring.class.getName());

    @Inject
    Firing firing;

    @Inject
    FiringLanes lanes;

    @Inject
    ClaimsFirst claims;

    @Resource
    SessionContext context;

    /**
     * Fires one group, then queues the rest of the lane as a new task behind whatever else waits for the pool, so one
     * hot automation cannot hold a thread while others' events wait.
     *
     * @param last how the automation's previous group left its hourly messages: a saturated one takes a larger group
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void drain(UUID automationId, Firing.Saturation last) {
        List<UUID> group = lanes.take(automationId, last);
        if (group.isEmpty()) {
            return;
        }
        claims.awaitClaims();
        Firing.Saturation saturation = Firing.Saturation.OPEN;
        try {
            saturation = firing.fire(automationId, group);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Firing " + group.size() + " events of automation " + automationId
                    + " failed; the recovery sweep will retry each", e);
        }
        try {
            context.getBusinessObject(AsyncFiring.class).drain(automationId, saturation);
        } catch (RuntimeException e) {
            lanes.abandon(automationId);
            LOG.log(Level.WARNING, "Could not go on firing events of automation " + automationId + "; the recovery sweep will", e);
        }
    }
}
