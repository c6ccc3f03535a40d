package com.garage.mobile.domain.feedback;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Feedback as the app sends it: its own id (a resend is stored once), the category, the text, and the
 * screen it was sent from.
 */
public record FeedbackRequest(@NotNull UUID id, @NotNull FeedbackCategory category,
        @NotBlank @Size(max = 4000) String text, @Size(min = 1, max = 200) String screen) {
}
