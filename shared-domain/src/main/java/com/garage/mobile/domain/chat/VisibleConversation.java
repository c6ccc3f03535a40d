package com.garage.mobile.domain.chat;

import java.util.Map;
import java.util.Set;

/**
 * A conversation, the channels of it the reader may see, and how far the reader has read each
 * (absent: nothing yet).
 */
public record VisibleConversation(Conversation conversation, Set<ChatChannel> channels, Map<ChatChannel, Long> read) {

    public VisibleConversation(Conversation conversation, Set<ChatChannel> channels) {
        this(conversation, channels, Map.of());
    }

    /** Messages of the channel after the reader's read cursor. */
    public long unread(ChatChannel channel) {
        return Math.max(0, conversation.lastSeq(channel) - read.getOrDefault(channel, 0L));
    }
}
