package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.ChatChannel;
import com.garage.mobile.domain.chat.MessageDraft;
import com.garage.mobile.domain.chat.QuickReply;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A message to send into a channel: its own {@code text} (1–4000 characters, kept exactly as
 * sent) or one of the quick replies of {@code GET /api/v1/chat/quick-replies}, not both.
 */
public record SendRequest(@NotNull ChatChannel channel,
        @Size(min = 1, max = 2 * MessageDraft.MAX_LENGTH, message = "must be 1 to 4000 characters") String text,
        QuickReply quickReply) {
}
