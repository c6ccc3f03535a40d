package com.garage.mobile.domain.feedback;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An admin moves feedback on, with an optional note for the reporter, from the version they read. */
public record StatusChange(@NotNull FeedbackStatus status, @Size(min = 1, max = 2000) String note,
        @NotNull Integer version) {
}
