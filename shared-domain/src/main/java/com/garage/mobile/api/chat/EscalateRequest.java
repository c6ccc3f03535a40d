package com.garage.mobile.api.chat;

import com.garage.mobile.domain.chat.escalation.ChatPriority;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Raise a conversation's priority to at least {@code priority} ({@code HIGH} or {@code URGENT}),
 * with an optional reason (up to 500 characters) the garage's staff see.
 */
public record EscalateRequest(@NotNull ChatPriority priority,
        @Size(min = 1, max = 1000, message = "must be 1 to 500 characters") String reason) {
}
