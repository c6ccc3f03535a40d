package com.garage.mobile.domain.chat;

import java.util.Set;

/** A conversation and the channels of it the reader may see. */
public record VisibleConversation(Conversation conversation, Set<ChatChannel> channels) {
}
