package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.ChatAttachments;
import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.MessageDraft;
import com.garage.mobile.domain.chat.QuickReply;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A message to send into a channel: its own {@code text} (1–4000 characters, kept exactly as
 * sent) or one of the quick replies of {@code GET /api/v1/chat/quick-replies}, not both; or
 * {@code attachments} (media uploaded for the conversation, in order), with or without text.
 */
public record SendRequest(@NotNull ChatChannel channel,
        @Size(min = 1, max = 2 * MessageDraft.MAX_LENGTH, message = "must be 1 to 4000 characters") String text,
        QuickReply quickReply,
        @Size(max = ChatAttachments.MAX, message = "must be at most 10 media") List<@NotNull UUID> attachments) {

    /** The media to send, none when the field was left out. */
    public List<UUID> media() {
        return attachments == null ? List.of() : attachments;
    }
}
