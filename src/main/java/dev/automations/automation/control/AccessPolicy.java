package dev.automations.automation.control;

import dev.automations.security.control.Caller;

import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * §12: the owner, an admin of the automation's organization and the site owner may read, update and delete
 * an automation (and its triggers and events). The admin lookup is lazy: owners never pay for it.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    public static boolean mayAccess(Caller caller, UUID ownerId, BooleanSupplier adminOfOrganization) {
        return caller.userId().equals(ownerId) || caller.isSiteOwner() || adminOfOrganization.getAsBoolean();
    }
}
