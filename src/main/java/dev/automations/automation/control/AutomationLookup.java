package dev.automations.automation.control;

import dev.automations.automation.entity.Automation;
import dev.automations.platform.control.RowLock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the features above reach an automation without a caller (webhooks, cron, firing): as a view, never the
 * entity. Reads join the caller's transaction when there is one, so what the caller locked or loaded is served
 * from its persistence context.
 */
@ApplicationScoped
public class AutomationLookup {

    @PersistenceContext
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<AutomationView> find(UUID id) {
        return Optional.ofNullable(em.find(Automation.class, id)).map(AutomationView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, AutomationView> findAll(Collection<UUID> ids) {
        return em.createQuery("SELECT a FROM Automation a WHERE a.id IN :ids", Automation.class).setParameter("ids", ids)
                .getResultStream().map(AutomationView::of).collect(Collectors.toMap(AutomationView::id, Function.identity()));
    }

    /**
     * Holds the automation's row lock until the caller's transaction ends: what serializes its triggers' creation
     * and its firings across instances.
     *
     * @return whether the automation exists
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lock(UUID id) {
        return RowLock.lock(em, Automation.class, id);
    }
}
