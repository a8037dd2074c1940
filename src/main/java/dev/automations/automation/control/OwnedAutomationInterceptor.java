package dev.automations.automation.control;

import dev.automations.automation.entity.Automation;
import dev.automations.platform.control.ApiException;
import dev.automations.security.control.Caller;
import dev.automations.security.control.CurrentCaller;
import dev.automations.security.control.Organizations;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * The one place §12 is enforced for automations. It runs inside the service's transaction (after
 * {@code @Transactional}), so the automation it loads is the one the method then finds in the persistence context.
 */
@OwnedAutomation
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class OwnedAutomationInterceptor {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    Organizations organizations;

    @PersistenceContext
    EntityManager em;

    @AroundInvoke
    public Object authorize(InvocationContext invocation) throws Exception {
        UUID id = (UUID) invocation.getParameters()[0];
        Caller caller = currentCaller.get();
        Automation automation = em.find(Automation.class, id);
        if (automation == null || !AccessPolicy.mayAccess(caller, automation.ownerId(),
                () -> organizations.isAdmin(automation.organizationId(), caller.userId()))) {
            throw ApiException.notFound();
        }
        return invocation.proceed();
    }
}
