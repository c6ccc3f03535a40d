package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.chat.ChatAttachments;
import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatMessage;
import com.garage.mobile.domain.chat.ChatMessages;
import com.garage.mobile.domain.chat.QuickReply;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * {@code chat-message send}: a message written without signal, in both apps; the mutation's
 * {@code entityId} is the message's id, so a queue sent twice still writes it once.
 */
@ApplicationScoped
public class SendMutation implements MutationHandler<SendMutation.Payload> {

    /** Where and what: as the body of {@code PUT …/messages/{messageId}}, with the conversation. */
    public record Payload(@NotNull UUID conversationId, @NotNull ChatChannel channel, String text,
            QuickReply quickReply, @Size(max = ChatAttachments.MAX) List<@NotNull UUID> attachments) {

        List<UUID> media() {
            return attachments == null ? List.of() : attachments;
        }
    }

    private final ChatMessages messages;

    SendMutation(ChatMessages messages) {
        this.messages = messages;
    }

    @Override
    public String entityName() {
        return "chat-message";
    }

    @Override
    public String operationName() {
        return "send";
    }

    @Override
    public String action() {
        return ChatMessages.SEND;
    }

    @Override
    public String resourceType() {
        return "chat-message";
    }

    @Override
    public Class<Payload> payloadType() {
        return Payload.class;
    }

    @Override
    public boolean needsBaseVersion() {
        return false;
    }

    @Override
    public Uni<Applied> apply(Actor actor, UUID messageId, Long baseVersion, Payload payload) {
        return messages.write(actor, payload.conversationId(), payload.channel(), messageId, payload.text(),
                        payload.quickReply(), payload.media())
                .map(sent -> Applied.of(MessageView.of(sent.message(), actor.role()), sent.message().version));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID messageId) {
        return ChatMessage.<ChatMessage>findById(messageId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Message"))
                .map(message -> Applied.of(MessageView.of(message, actor.role()), message.version));
    }
}
