package com.garage.mobile.technician.chat;

import com.garage.mobile.domain.chat.escalation.ChatPriority;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The priority to give a conversation ({@code NORMAL}, {@code HIGH} or {@code URGENT}), with an optional reason. */
public record PriorityRequest(@NotNull ChatPriority priority,
        @Size(min = 1, max = 1000, message = "must be 1 to 500 characters") String reason) {
}
