package com.garage.mobile.domain.chat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One message in one channel of a conversation; its id is chosen by the sending app. */
@Entity
@Table(name = "chat_message")
public class ChatMessage extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "garage_id")
    public UUID garageId;
    @Column(name = "conversation_id")
    public UUID conversationId;
    @Enumerated(EnumType.STRING)
    public ChatChannel channel;
    /** 1, 2, 3… within its channel, with no gaps. */
    public long seq;
    @Enumerated(EnumType.STRING)
    public MessageKind kind;
    /** The staff member's or customer's id; null for the system. */
    @Column(name = "author_id")
    public UUID authorId;
    @Column(name = "author_role")
    public String authorRole;
    @Column(name = "author_name")
    public String authorName;
    /** The text exactly as sent (or as last edited); null once deleted. */
    public String body;
    @Enumerated(EnumType.STRING)
    @Column(name = "quick_reply")
    public QuickReply quickReply;
    /** What was sent with it, in order; none once deleted. */
    @Convert(converter = ChatAttachment.ListColumn.class)
    public List<ChatAttachment> attachments = List.of();
    @Column(name = "sent_at")
    public Instant sentAt;
    /** Bumped by an edit or the deletion. */
    public long version;
    @Column(name = "edited_at")
    public Instant editedAt;
    /** Set when deleted: the message stays as a tombstone in its place, without its text. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    boolean sentBy(UUID author, UUID conversation, ChatChannel inChannel) {
        return Objects.equals(authorId, author) && conversationId.equals(conversation) && channel == inChannel;
    }

    /** Whether a resend under this message's id carries the same content. */
    boolean sameContent(MessageDraft draft, List<UUID> media) {
        return quickReply == draft.quickReply() && Objects.equals(body, draft.text())
                && attachments.stream().map(ChatAttachment::mediaId).toList().equals(media);
    }
}
