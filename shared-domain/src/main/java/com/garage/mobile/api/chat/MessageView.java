package com.garage.mobile.api.chat;

import com.garage.mobile.domain.access.ActorRole;
import com.garage.mobile.api.media.MediaView;
import com.garage.mobile.domain.chat.ChatAttachment;
import com.garage.mobile.domain.chat.ChatMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A message as an app shows it.
 *
 * @param kind       {@code TEXT}, {@code QUICK_REPLY} or {@code SYSTEM} (a job milestone)
 * @param quickReply  the quick reply's name, for {@code QUICK_REPLY}
 * @param text        exactly as sent or last edited; null once deleted, and for attachments sent without text
 * @param attachments what was sent with it, in order; none once deleted
 * @param editedAt   when its author last edited it
 * @param deletedAt  when it was deleted: a tombstone keeps its place and number
 */
public record MessageView(UUID id, UUID conversationId, String channel, long seq, String kind, Author author,
        String text, String quickReply, List<AttachmentView> attachments, Instant sentAt, Instant editedAt,
        Instant deletedAt) {

    /**
     * A photo, video or audio note sent with the message.
     *
     * @param kind {@code PHOTO}, {@code VIDEO} or {@code AUDIO}
     * @param href where to fetch it ({@code GET /api/v1/media/{id}}: 303 to a short-lived signed URL)
     */
    public record AttachmentView(UUID mediaId, String kind, String contentType, String href) {

        static AttachmentView of(ChatAttachment attachment) {
            return new AttachmentView(attachment.mediaId(), attachment.kind(), attachment.contentType(),
                    MediaView.href(attachment.mediaId()));
        }
    }

    /**
     * Who wrote it: {@code role} is {@code customer}, {@code technician}, {@code advisor}, {@code admin} or
     * {@code system}; {@code id} only where the reader may know it (a customer sees staff by name only).
     */
    public record Author(UUID id, String role, String name) {
    }

    public static MessageView of(ChatMessage message, ActorRole reader) {
        boolean showId = reader != ActorRole.CUSTOMER || ActorRole.CUSTOMER.claimValue().equals(message.authorRole);
        return new MessageView(message.id, message.conversationId, message.channel.name(), message.seq,
                message.kind.name(), new Author(showId ? message.authorId : null, message.authorRole,
                        message.authorName),
                message.body, message.quickReply != null ? message.quickReply.name() : null,
                message.attachments.stream().map(AttachmentView::of).toList(), message.sentAt,
                message.editedAt, message.deletedAt);
    }
}
