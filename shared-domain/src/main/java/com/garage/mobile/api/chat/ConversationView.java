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
 * @param unread        messages of its channels the reader has not read
 * @param lastMessageAt the last message of the channels the reader sees
 */
public record ConversationView(UUID id, String kind, UUID jobId, UUID customerId, List<ChannelView> channels,
        long unread, Instant lastMessageAt) {

    /**
     * One channel: {@code CUSTOMER} or {@code WORKSHOP}, its last message number (0: none yet), how far the
     * reader has read it and how many messages they have not.
     */
    public record ChannelView(String channel, long lastSeq, long readSeq, long unread) {
    }

    public static ConversationView of(VisibleConversation visible) {
        Conversation c = visible.conversation();
        List<ChannelView> channels = visible.channels().stream().sorted()
                .map(channel -> new ChannelView(channel.name(), c.lastSeq(channel),
                        visible.read().getOrDefault(channel, 0L), visible.unread(channel))).toList();
        boolean workshop = visible.channels().contains(ChatChannel.WORKSHOP);
        return new ConversationView(c.id, c.isGeneral() ? "general" : "job", c.jobId, c.customerId, channels,
                channels.stream().mapToLong(ChannelView::unread).sum(), workshop ? c.updatedAt : c.customerLastAt);
    }
}
