package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.ActorRole;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which channels of a conversation of their garage a person may read and write: the customer only
 * the customer channel of their own conversations; advisors and admins every channel; a technician
 * the workshop channel of the jobs they are on, and every channel of a conversation they were added to.
 */
public final class ChatVisibility {

    private ChatVisibility() {
    }

    /**
     * @param ownConversation the person is the conversation's customer
     * @param onJob           the person is a technician assigned to the conversation's job
     * @param added           the person is a technician an advisor added to the conversation
     */
    public static Set<ChatChannel> channels(ActorRole role, boolean general, boolean ownConversation, boolean onJob,
            boolean added) {
        Set<ChatChannel> all = general ? EnumSet.of(ChatChannel.CUSTOMER) : EnumSet.allOf(ChatChannel.class);
        return switch (role) {
            case CUSTOMER -> ownConversation ? EnumSet.of(ChatChannel.CUSTOMER) : EnumSet.noneOf(ChatChannel.class);
            case ADVISOR, ADMIN -> all;
            case TECHNICIAN -> added ? all
                    : onJob && !general ? EnumSet.of(ChatChannel.WORKSHOP) : EnumSet.noneOf(ChatChannel.class);
            case SYSTEM -> EnumSet.noneOf(ChatChannel.class);
        };
    }
}
