package com.garage.mobile.technician.chat;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The active advisor of the garage who answers the conversation from now on. */
public record HandoverRequest(@NotNull UUID advisorId) {
}
