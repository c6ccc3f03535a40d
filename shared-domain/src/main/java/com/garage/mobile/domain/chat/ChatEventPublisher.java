package com.garage.mobile.domain.chat;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Hands a conversation's committed, not yet published chat events to every pod. Never fails; what
 * it cannot hand over now is left for the relay.
 */
public interface ChatEventPublisher {

    Uni<Void> publishPending(UUID conversationId);
}
