package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.media.MediaTarget;
import com.garage.mobile.domain.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Media sent with a chat message: the customer sees those of messages in the customer channel
 * (until the message is deleted), never those of the workshop channel. Media reach a message only
 * by being sent with it ({@link ChatAttachments}), never by upload.
 */
@ApplicationScoped
public class ChatMessageMedia implements MediaTarget {

    public static final String TYPE = "chat-message";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Uni<Optional<UUID>> jobForAttaching(Actor actor, UUID targetId) {
        return Uni.createFrom().failure(ProblemException.invalidField("Upload-Metadata.targetType",
                "upload for the conversation (" + ChatConversationMedia.TYPE + ") and send the message with it"));
    }

    @Override
    @WithSession
    public Uni<Set<UUID>> visibleToCustomer(UUID garageId, Collection<UUID> targetIds) {
        if (targetIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return ChatMessage.<ChatMessage>list(
                        "garageId = ?1 and array_has(?2, id) and channel = ?3 and deletedAt is null",
                        garageId, targetIds.toArray(UUID[]::new), ChatChannel.CUSTOMER)
                .map(messages -> new HashSet<>(messages.stream().map(message -> message.id).toList()));
    }

    @Override
    @WithSession
    public Uni<UUID> customerOutsideJobs(UUID garageId, UUID targetId) {
        return ChatMessage.<ChatMessage>find("garageId = ?1 and id = ?2", garageId, targetId).firstResult()
                .onItem().ifNotNull()
                .transformToUni(message -> Conversation.<Conversation>findById(message.conversationId))
                .map(conversation -> conversation != null && conversation.isGeneral() ? conversation.customerId : null);
    }
}
