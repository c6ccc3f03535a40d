package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.media.MediaTarget;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Photos, videos and audio notes uploaded for a conversation, not sent yet: whoever may write in one
 * of its channels uploads them (the customer too), and nobody but the garage's staff sees them until a
 * message carries them ({@link ChatMessageMedia} then). A job's conversation files them under the job;
 * a customer's general conversation under no job.
 */
@ApplicationScoped
public class ChatConversationMedia implements MediaTarget {

    public static final String TYPE = "chat-conversation";

    private final ConversationAccess access;

    public ChatConversationMedia(ConversationAccess access) {
        this.access = access;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    @WithSession
    public Uni<Optional<UUID>> jobForAttaching(Actor actor, UUID targetId) {
        return access.require(actor, targetId).map(visible -> Optional.ofNullable(visible.conversation().jobId));
    }

    @Override
    public boolean takesCustomerUploads() {
        return true;
    }

    @Override
    public Uni<Set<UUID>> visibleToCustomer(UUID garageId, Collection<UUID> targetIds) {
        return Uni.createFrom().item(Set.of());
    }
}
