package com.garage.mobile.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The garage's own system as an actor: named in the trail, granted nothing, never from a token. */
class SystemActorTest {

    private static final UUID GARAGE = UUID.fromString("6a0f7c1e-3f0e-4d8e-9b51-0c4f2f1d2a10");

    @Test
    void theSystemActsForOneGarageThroughTheOriginItIsGiven() {
        Origin run = Origin.scheduler("appointment-reminders", "run-7");
        Actor system = Actor.system(GARAGE, run);
        assertEquals(GARAGE, system.garageId());
        assertEquals("system", system.subject());
        assertEquals("system", system.role().claimValue());
        assertEquals(run, system.origin());
        assertNull(system.personId(), "the system is no staff member or customer");
    }

    @Test
    void theSystemHoldsNoCapabilityAndIsNoStaffMember() {
        Actor system = Actor.system(GARAGE, Origin.webhook("test-partner", "d-1"));
        assertTrue(system.role().capabilities().isEmpty());
        assertFalse(system.role().isStaff());
        assertFalse(system.isTechnician());
        assertFalse(system.seesWholeGarage());
    }

    @Test
    void noTokenCanClaimTheSystemRole() {
        assertEquals(Optional.empty(), ActorRole.fromClaim("system"));
        for (ActorRole role : ActorRole.GRANTED_BY_TOKENS) {
            assertEquals(Optional.of(role), ActorRole.fromClaim(role.claimValue()));
        }
    }

    @Test
    void theSystemNeverActsThroughTheApps() {
        assertThrows(IllegalArgumentException.class,
                () -> Actor.system(GARAGE, Origin.app("pixel-8-tom", "203.0.113.7", "req-1")));
    }

    @Test
    void aPersonKeepsWhoTheyAreThroughAnyOrigin() {
        Actor tom = new Actor(GARAGE, "staff-tom", ActorRole.TECHNICIAN, UUID.randomUUID(), "Tom Reyes");
        Actor viaWebhook = tom.from(Origin.webhook("test-partner", "d-1"));
        assertEquals(new Actor(GARAGE, "staff-tom", ActorRole.TECHNICIAN, tom.personId(), "Tom Reyes",
                Origin.webhook("test-partner", "d-1")), viaWebhook);
    }
}
