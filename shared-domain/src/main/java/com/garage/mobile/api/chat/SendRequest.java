package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.MessageDraft;
import com.garage.mobile.domain.problem.ProblemException;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A message to send: its own {@code text} (1–4000 characters, kept exactly as sent) or one of the
 * {@code quickReply} names of {@code GET /api/v1/chat/quick-replies}, not both.
 */
public record SendRequest(
        @Size(min = 1, max = 2 * MessageDraft.MAX_LENGTH, message = "must be 1 to 4000 characters") String text,
        @Pattern(regexp = "[A-Z_]{1,40}", message = "must be the name of a quick reply") String quickReply) {

    MessageDraft draft(boolean customer) {
        if ((text == null) == (quickReply == null)) {
            throw ProblemException.invalidField("text", "send either text or a quickReply");
        }
        return text != null ? MessageDraft.typed(text) : MessageDraft.quick(quickReply, customer);
    }
}
