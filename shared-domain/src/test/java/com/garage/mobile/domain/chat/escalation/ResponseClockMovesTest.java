package com.garage.mobile.domain.chat.escalation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.access.Origin;
import com.garage.mobile.domain.chat.ChatChannel;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a send may skip reading the response clock: exactly when the message cannot move it. */
class ResponseClockMovesTest {

    private static final UUID GARAGE = UUID.randomUUID();
    private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");
    private static final Actor CUSTOMER = new Actor(GARAGE, "carl", ActorRole.CUSTOMER, UUID.randomUUID(), "Carl");
    private static final Actor ADVISOR = new Actor(GARAGE, "alice", ActorRole.ADVISOR, UUID.randomUUID(), "Alice");
    private static final Actor TECHNICIAN = new Actor(GARAGE, "tom", ActorRole.TECHNICIAN, UUID.randomUUID(), "Tom");

    @Test
    void aCustomerMessageStartsAWaitOnlyWhenNoneRuns() {
        ResponseClock clock = ResponseClock.start(UUID.randomUUID(), GARAGE);
        assertTrue(ResponseClocks.moves(ChatChannel.CUSTOMER, CUSTOMER, clock.isAwaiting()));
        assertTrue(clock.await(NOON));
        assertFalse(ResponseClocks.moves(ChatChannel.CUSTOMER, CUSTOMER, clock.isAwaiting()));
        assertFalse(clock.await(NOON.plusSeconds(60)), "a second question while waiting changes nothing");
    }

    @Test
    void aStaffMessageEndsAWaitOnlyWhileOneRuns() {
        assertTrue(ResponseClocks.moves(ChatChannel.CUSTOMER, ADVISOR, true));
        assertTrue(ResponseClocks.moves(ChatChannel.CUSTOMER, TECHNICIAN, true));
        assertFalse(ResponseClocks.moves(ChatChannel.CUSTOMER, ADVISOR, false));
        assertFalse(ResponseClocks.moves(ChatChannel.CUSTOMER, TECHNICIAN, false));
    }

    @Test
    void theWorkshopChannelAndTheSystemNeverMoveIt() {
        Actor system = Actor.system(GARAGE, Origin.scheduler("milestones", "run-1"));
        for (boolean awaiting : new boolean[] {false, true}) {
            assertFalse(ResponseClocks.moves(ChatChannel.WORKSHOP, CUSTOMER, awaiting));
            assertFalse(ResponseClocks.moves(ChatChannel.WORKSHOP, ADVISOR, awaiting));
            assertFalse(ResponseClocks.moves(ChatChannel.CUSTOMER, system, awaiting));
        }
    }
}
