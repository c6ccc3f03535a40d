package com.garage.mobile.domain.chat;

import com.garage.mobile.domain.access.Actor;
import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.domain.audit.AuditEntry;
import com.garage.mobile.domain.audit.AuditOutcome;
import com.garage.mobile.domain.audit.AuditTrail;
import com.garage.mobile.domain.audit.AuditedAction;
import com.garage.mobile.domain.chat.escalation.ResponseClocks;
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
 * Sends messages. The app chooses the message's id, so a resend after a lost answer finds the
 * message it already sent instead of writing it twice. The conversation's row is locked while its
 * channel's next number is taken, so numbers follow the commit order with no gap and no repeat.
 * The text never goes into the audit entry or a log line.
 */
@ApplicationScoped
public class ChatMessages {

    public static final String SEND = "chat.send";

    private final ConversationAccess access;
    private final MessageSendRows rows;
    private final AuditTrail audit;
    private final AuditedAction audited;
    private final GarageClock clock;
    private final ChatEventPublisher publisher;
    private final ChatAttachments attachments;
    private final ResponseClocks responseClocks;

    public ChatMessages(ConversationAccess access, AuditTrail audit, AuditedAction audited, GarageClock clock,
            ChatEventPublisher publisher, MessageSendRows rows, ChatAttachments attachments,
            ResponseClocks responseClocks) {
        this.attachments = attachments;
        this.responseClocks = responseClocks;
        this.publisher = publisher;
        this.rows = rows;
        this.access = access;
        this.audit = audit;
        this.audited = audited;
        this.clock = clock;
    }

    /** The message as sent; a resend of the same message answers the stored one, marked as not new. */
    public record Sent(ChatMessage message, boolean created) {
    }

    /** Sends text or a quick reply, without attachments. */
    public Uni<Sent> send(Actor actor, UUID conversationId, ChatChannel channel, UUID messageId, String text,
            QuickReply quickReply) {
        return send(actor, conversationId, channel, messageId, text, quickReply, List.of());
    }

    /**
     * Sends text or a quick reply (exactly one of them), or attachments with or without text,
     * checked once the conversation and the id are known to be the sender's to use.
     */
    public Uni<Sent> send(Actor actor, UUID conversationId, ChatChannel channel, UUID messageId, String text,
            QuickReply quickReply, List<UUID> media) {
        return audited.run(actor, SEND, "chat-message", messageId,
                        () -> write(actor, conversationId, channel, messageId, text, quickReply, media))
                .call(sent -> sent.created() ? publisher.publishPending(conversationId) : Uni.createFrom().voidItem());
    }

    /**
     * The same send as an offline write, in the caller's transaction; the caller audits a refusal, and
     * the relay publishes the event once committed.
     */
    @WithTransaction
    public Uni<Sent> write(Actor actor, UUID conversationId, ChatChannel channel, UUID messageId, String text,
            QuickReply quickReply, List<UUID> media) {
        return rows.lock(actor, conversationId, messageId).chain(sending -> {
            Conversation conversation = access.requireChannel(actor, sending, channel);
            if (!sending.idTaken()) {
                MessageDraft draft = draft(actor, text, quickReply, media);
                return create(actor, conversation, channel, messageId, draft, media, sending.awaitingAnswer());
            }
            return ChatMessage.<ChatMessage>findById(messageId).map(existing -> {
                requireOwnId(actor, conversation, channel, existing);
                return resent(existing, draft(actor, text, quickReply, media), media);
            });
        });
    }

    private static MessageDraft draft(Actor actor, String text, QuickReply quickReply, List<UUID> media) {
        return MessageDraft.of(text, quickReply, !media.isEmpty(), actor.role() == ActorRole.CUSTOMER);
    }

    /** An id already used by someone else, or elsewhere, is not the sender's to know of. */
    private static void requireOwnId(Actor actor, Conversation conversation, ChatChannel channel,
            ChatMessage existing) {
        if (!existing.sentBy(actor.personId(), conversation.id, channel)) {
            throw ProblemException.notFound("Message");
        }
    }

    private static Sent resent(ChatMessage existing, MessageDraft draft, List<UUID> media) {
        if (!existing.sameContent(draft, media)) {
            throw new ProblemException(ProblemType.MESSAGE_ID_REUSED,
                    "Message " + existing.id + " was already sent with other content; choose a new id.");
        }
        return new Sent(existing, false);
    }

    private Uni<Sent> create(Actor actor, Conversation conversation, ChatChannel channel, UUID messageId,
            MessageDraft draft, List<UUID> media, boolean awaitingAnswer) {
        Instant now = clock.now();
        return attachments.attach(actor, conversation, messageId, media, now)
                .chain(attached -> create(actor, conversation, channel, messageId, draft, attached, now))
                .call(() -> responseClocks.onMessage(conversation, channel, actor, now, awaitingAnswer));
    }

    private Uni<Sent> create(Actor actor, Conversation conversation, ChatChannel channel, UUID messageId,
            MessageDraft draft, List<ChatAttachment> attached, Instant now) {
        ChatMessage message = new ChatMessage();
        message.id = messageId;
        message.garageId = conversation.garageId;
        message.conversationId = conversation.id;
        message.channel = channel;
        message.seq = conversation.nextSeq(channel, now);
        message.kind = draft.kind();
        message.authorId = actor.personId();
        message.authorRole = actor.role().claimValue();
        message.authorName = actor.displayName();
        message.body = draft.text();
        message.quickReply = draft.quickReply();
        message.attachments = attached;
        message.sentAt = now;
        Map<String, Object> detail = Map.of("conversationId", conversation.id.toString(),
                "channel", channel.name(), "seq", message.seq, "kind", message.kind.name(),
                "attachments", attached.size());
        AuditEntry entry = audit.prepare(actor, SEND, "chat-message", messageId, AuditOutcome.SUCCESS, detail, now);
        return rows.write(conversation, message, entry)
                .replaceWith(new Sent(message, true));
    }
}
