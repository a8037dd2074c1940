package dev.automations.event.boundary;

import dev.automations.event.control.Recovery;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** Every 15 s on every instance: the recovery sweep (§9). */
@Singleton
public class RecoveryTimer {

    @Inject
    Recovery recovery;

    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sweep() {
        recovery.sweep();
    }
}
