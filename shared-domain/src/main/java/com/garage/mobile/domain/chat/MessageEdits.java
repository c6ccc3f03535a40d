package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.problem.ProblemException;
import com.garage.mobile.domain.problem.ProblemType;
import com.garage.mobile.domain.time.GarageClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Its author edits a typed message within the edit window; its author, or an advisor or admin,
 * deletes one, which leaves a tombstone (its place and number, no text). Both are audited without
 * the text, and reach the channel live.
 */
@ApplicationScoped
public class MessageEdits {

    public static final String EDIT = "chat.edit";
    public static final String DELETE = "chat.delete";

    private final ConversationAccess access;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ChatConfig config;
    private final ChatEventPublisher publisher;

    public MessageEdits(ConversationAccess access, AuditTrail audit, AuditedAction audited, GarageClock clock,
            ChatConfig config, ChatEventPublisher publisher) {
        this.access = access;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
        this.config = config;
        this.publisher = publisher;
    }

    public Uni<ChatMessage> edit(Actor actor, UUID conversationId, UUID messageId, String text) {
        return audited.run(actor, EDIT, "chat-message", messageId, () -> change(actor, conversationId, messageId,
                        text)).call(() -> publisher.publishPending(conversationId));
    }

    public Uni<ChatMessage> delete(Actor actor, UUID conversationId, UUID messageId) {
        return audited.run(actor, DELETE, "chat-message", messageId, () -> change(actor, conversationId, messageId,
                        null)).call(() -> publisher.publishPending(conversationId));
    }

    @WithTransaction
    Uni<ChatMessage> change(Actor actor, UUID conversationId, UUID messageId, String text) {
        return ChatMessage.<ChatMessage>findById(messageId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Message"))
                .call(message -> message.conversationId.equals(conversationId)
                        ? access.requireChannel(actor, conversationId, message.channel)
                        : Uni.createFrom().failure(ProblemException.notFound("Message")))
                .chain(message -> text != null ? rewrite(actor, message, text) : remove(actor, message));
    }

    private Uni<ChatMessage> rewrite(Actor actor, ChatMessage message, String text) {
        Instant now = clock.now();
        requireAuthor(actor, message, "edits");
        if (message.deletedAt != null || message.kind != MessageKind.TEXT
                || message.sentAt.plus(config.editWindow()).isBefore(now)) {
            throw new ProblemException(ProblemType.INVALID_TRANSITION, "Only typed text can be edited, for %d"
                    .formatted(config.editWindow().toMinutes()) + " minutes after sending, until deleted.");
        }
        MessageDraft draft = MessageDraft.typed(text);
        if (draft.text().equals(message.body)) {
            return Uni.createFrom().item(message);
        }
        message.body = draft.text();
        message.editedAt = now;
        return record(actor, message, EDIT, now);
    }

    private Uni<ChatMessage> remove(Actor actor, ChatMessage message) {
        if (!actor.seesWholeGarage()) {
            requireAuthor(actor, message, "deletes");
        }
        if (message.deletedAt != null) {
            return Uni.createFrom().item(message);
        }
        Instant now = clock.now();
        message.body = null;
        message.attachments = List.of();
        message.deletedAt = now;
        return record(actor, message, DELETE, now);
    }

    private Uni<ChatMessage> record(Actor actor, ChatMessage message, String action, Instant now) {
        message.version++;
        Map<String, Object> detail = Map.of("conversationId", message.conversationId.toString(),
                "channel", message.channel.name(), "seq", message.seq, "version", message.version);
        return audit.record(actor, action, "chat-message", message.id, AuditOutcome.SUCCESS, detail, now)
                .replaceWith(message);
    }

    private static void requireAuthor(Actor actor, ChatMessage message, String verb) {
        if (message.authorId == null || !message.authorId.equals(actor.personId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Only its author " + verb + " a message.");
        }
    }
}
