package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.MessageDraft;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A message's new text: 1–4000 characters, kept exactly as sent. */
public record EditRequest(
        @NotNull @Size(min = 1, max = 2 * MessageDraft.MAX_LENGTH, message = "must be 1 to 4000 characters") String text) {
}
