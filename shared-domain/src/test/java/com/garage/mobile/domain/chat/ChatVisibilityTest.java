package com.garage.mobile.domain.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.garage.mobile.domain.access.ActorRole;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChatVisibilityTest {

    private static final Set<ChatChannel> NONE = Set.of();
    private static final Set<ChatChannel> CUSTOMER = Set.of(ChatChannel.CUSTOMER);
    private static final Set<ChatChannel> WORKSHOP = Set.of(ChatChannel.WORKSHOP);
    private static final Set<ChatChannel> BOTH = Set.of(ChatChannel.CUSTOMER, ChatChannel.WORKSHOP);

    @Test
    void customerReadsOnlyTheCustomerChannelOfTheirOwnConversations() {
        assertEquals(CUSTOMER, ChatVisibility.channels(ActorRole.CUSTOMER, false, true, false, false));
        assertEquals(CUSTOMER, ChatVisibility.channels(ActorRole.CUSTOMER, true, true, false, false));
        assertEquals(NONE, ChatVisibility.channels(ActorRole.CUSTOMER, false, false, false, false));
    }

    @Test
    void advisorsAndAdminsReadEveryChannel() {
        assertEquals(BOTH, ChatVisibility.channels(ActorRole.ADVISOR, false, false, false, false));
        assertEquals(BOTH, ChatVisibility.channels(ActorRole.ADMIN, false, false, false, false));
        assertEquals(CUSTOMER, ChatVisibility.channels(ActorRole.ADVISOR, true, false, false, false));
    }

    @Test
    void technicianOnTheJobReadsTheWorkshopUntilAddedToTheCustomerChannel() {
        assertEquals(WORKSHOP, ChatVisibility.channels(ActorRole.TECHNICIAN, false, false, true, false));
        assertEquals(BOTH, ChatVisibility.channels(ActorRole.TECHNICIAN, false, false, true, true));
        assertEquals(BOTH, ChatVisibility.channels(ActorRole.TECHNICIAN, false, false, false, true));
        assertEquals(NONE, ChatVisibility.channels(ActorRole.TECHNICIAN, false, false, false, false));
        assertEquals(CUSTOMER, ChatVisibility.channels(ActorRole.TECHNICIAN, true, false, false, true));
        assertEquals(NONE, ChatVisibility.channels(ActorRole.TECHNICIAN, true, false, false, false));
    }

    @Test
    void theSystemReadsNothing() {
        assertEquals(NONE, ChatVisibility.channels(ActorRole.SYSTEM, false, false, true, true));
    }
}
