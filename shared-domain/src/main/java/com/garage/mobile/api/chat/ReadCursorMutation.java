package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.ChatReads;
import com.garage.mobile.domain.chat.ReadCursors;
import com.garage.mobile.platform.offline.MutationHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.UUID;

/**
 * {@code chat-cursor mark}: how far the app had read a conversation's channel while offline; the
 * {@code entityId} is the conversation. Cursors only move forward, so an old queued report is harmless.
 */
@ApplicationScoped
public class ReadCursorMutation implements MutationHandler<ReadCursorMutation.Payload> {

    /** As the body of {@code PUT …/cursor}. */
    public record Payload(@NotNull ChatChannel channel, @NotNull @PositiveOrZero Long delivered,
            @NotNull @PositiveOrZero Long read) {
    }

    private final ReadCursors cursors;
    private final ChatReads reads;

    ReadCursorMutation(ReadCursors cursors, ChatReads reads) {
        this.cursors = cursors;
        this.reads = reads;
    }

    @Override
    public String entityName() {
        return "chat-cursor";
    }

    @Override
    public String operationName() {
        return "mark";
    }

    @Override
    public String action() {
        return ReadCursors.READ;
    }

    @Override
    public String resourceType() {
        return "chat-conversation";
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
    public Uni<Applied> apply(Actor actor, UUID conversationId, Long baseVersion, Payload payload) {
        return cursors.move(actor, conversationId, payload.channel(), payload.delivered(), payload.read())
                .chain(() -> current(actor, conversationId));
    }

    @Override
    public Uni<Applied> current(Actor actor, UUID conversationId) {
        return reads.conversation(actor, conversationId)
                .map(visible -> Applied.of(ConversationView.of(visible), visible.conversation().customerLastSeq));
    }
}
