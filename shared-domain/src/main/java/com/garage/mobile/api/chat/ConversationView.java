package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.Conversation;
import com.garage.mobile.domain.chat.VisibleConversation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation as its reader sees it: only the channels they may read, each with its last
 * message number.
 *
 * @param kind          {@code job} or {@code general}
 * @param jobId         null for a general conversation
 * @param lastMessageAt the last message of the channels the reader sees
 */
public record ConversationView(UUID id, String kind, UUID jobId, UUID customerId, List<ChannelView> channels,
        Instant lastMessageAt) {

    /** One channel: {@code customer} or {@code workshop}, and its last message number (0: none yet). */
    public record ChannelView(String channel, long lastSeq) {
    }

    public static ConversationView of(VisibleConversation visible) {
        Conversation c = visible.conversation();
        List<ChannelView> channels = visible.channels().stream().sorted()
                .map(channel -> new ChannelView(channel.wireName(), c.lastSeq(channel))).toList();
        boolean workshop = visible.channels().contains(ChatChannel.WORKSHOP);
        return new ConversationView(c.id, c.isGeneral() ? "general" : "job", c.jobId, c.customerId, channels,
                workshop ? c.updatedAt : c.customerLastAt);
    }
}
