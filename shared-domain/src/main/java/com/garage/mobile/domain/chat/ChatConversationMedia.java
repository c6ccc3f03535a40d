package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.media.MediaTarget;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Photos, videos and audio notes uploaded for a job's conversation, not sent yet: whoever may
 * write in one of its channels uploads them (the customer too), and nobody but the garage's staff sees them until a
 * message carries them ({@link ChatMessageMedia} then).
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
    public Uni<UUID> jobForAttaching(Actor actor, UUID targetId) {
        return access.require(actor, targetId).map(visible -> {
            if (visible.conversation().jobId == null) {
                throw ProblemException.invalidField("Upload-Metadata.targetId",
                        "attachments go into a job's conversation; a general conversation takes text");
            }
            return visible.conversation().jobId;
        });
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
