package dev.automations.automation.control;

import dev.automations.security.control.Caller;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessPolicyTest {

    private final UUID owner = UUID.randomUUID();

    private static Caller caller(UUID id, String... roles) {
        return new Caller(id, List.of(roles), "key");
    }

    @Test
    void ownerSiteOwnerAndOrganizationAdminMayAccess() {
        assertTrue(AccessPolicy.mayAccess(caller(owner, "member"), owner, () -> false));
        assertTrue(AccessPolicy.mayAccess(caller(UUID.randomUUID(), "owner"), owner, () -> false));
        assertTrue(AccessPolicy.mayAccess(caller(UUID.randomUUID(), "member"), owner, () -> true));
    }

    @Test
    void anyoneElseMayNot() {
        assertFalse(AccessPolicy.mayAccess(caller(UUID.randomUUID(), "member"), owner, () -> false));
    }

    @Test
    void theOwnerNeverPaysForTheAdminLookup() {
        assertTrue(AccessPolicy.mayAccess(caller(owner, "member"), owner, () -> {
            throw new AssertionError("looked up");
        }));
    }
}
